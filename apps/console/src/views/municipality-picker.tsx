import type { Municipality } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

/**
 * The municipalities this user manages on the admin pages: all of them for admins and region-wide
 * staff, else those on the user (as the api scopes them).
 */
export function useManagedMunicipalities(): { regionWide: boolean; mine: Municipality[] } {
  const { municipalities, session } = useWorkspace();
  const regionWide = session.user.roles.includes('admin') || session.user.municipalities.length === 0;
  const mine = municipalities.filter((m) => regionWide || session.user.municipalities.includes(m.code));
  return { regionWide, mine };
}

/** The "Gemeente" choice at the top of a page that keeps one municipality's settings at a time. */
export function MunicipalityPicker(props: {
  id: string;
  value: string;
  options: Municipality[];
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={props.id}>{t('answers.municipality')}</label>{' '}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      </select>
    </>
  );
}
