import { useI18n } from '../i18n/i18n';

interface Props {
  label: string;
  busy: boolean;
  onCancel: () => void;
  /** A button outside a form does its work here; inside a form it submits the form. */
  onSubmit?: () => void;
}

/** A small form's two buttons: do it (off while busy) and cancel. */
export function FormButtons({ label, busy, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type={onSubmit ? 'button' : 'submit'} className="primary" disabled={busy} onClick={onSubmit}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('categories.cancel')}
      </button>
    </div>
  );
}
