import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../api/api-client';
import { type Ticket } from '../api/contract';
import { errorText } from '../components/error-text';
import { isTyping, useShortcuts } from '../components/shortcuts';
import {
  EMPTY_DRAFT,
  fieldOf,
  resolvedMunicipality,
  toNewTicket,
  validateDraft,
  type IntakeDraft,
  type IntakeErrors,
} from '../domain/intake-draft';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';
import { useWorkspace } from '../state/workspace';
import { IntakeDone } from './intake-done';
import { IntakeFields } from './intake-fields';

/**
 * The phone intake, built for speed: one column in the order of the conversation, Tab or Enter
 * to the next field, Ctrl+Enter to create. The same Idempotency-Key for every try of one call,
 * so a double press or a retry after a network error never makes two tickets.
 */
export function IntakeView() {
  const { t } = useI18n();
  const { api, store, municipalities, categoriesFor } = useWorkspace();
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Ticket | null>(null);
  const [callKey, setCallKey] = useState(() => crypto.randomUUID());
  const formRef = useRef<HTMLFormElement>(null);

  const update = <K extends keyof IntakeDraft>(field: K, value: IntakeDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const reset = () => {
    setDraft(EMPTY_DRAFT);
    setErrors({});
    setFailure(null);
    setCreated(null);
    setCallKey(crypto.randomUUID());
  };

  useShortcuts({
    // From inside a field Esc only leaves the field: a stray Esc must not lose a call half typed.
    Escape: (event) => {
      if (isTyping(event.target)) (event.target as HTMLElement).blur();
      else navigate({ name: 'queue' });
    },
    n: () => {
      if (created) reset();
    },
  });

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const municipality = resolvedMunicipality(draft, municipalities);
    const found = validateDraft(draft, municipalities, categoriesFor(municipality?.code));
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length || !municipality) {
      setFailure(t('intake.fix'));
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      const ticket = await api.post<Ticket>('/api/v1/tickets', toNewTicket(draft, municipality), {
        headers: { 'Idempotency-Key': `console-${callKey}` },
      });
      store.upsert(ticket);
      setCreated(ticket);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.body?.errors?.length) {
        const mapped: IntakeErrors = {};
        for (const e of error.body.errors) {
          const field = fieldOf(e.field);
          if (field) mapped[field] = 'intake.fix';
        }
        setErrors(mapped);
      }
      const notOffered =
        error instanceof ApiError && error.body?.errors?.some((e) => e.rule === 'isOfferedByMunicipality');
      if (notOffered) setErrors({ categoryCode: 'intake.notOffered' });
      setFailure(
        notOffered
          ? t('intake.notOffered')
          : error instanceof ApiError && error.status === 422
            ? t('intake.noMunicipality')
            : errorText(t, error),
      );
    } finally {
      setBusy(false);
    }
  };

  // Enter moves on like Tab (agents type while they listen); Ctrl+Enter creates the ticket.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
      return;
    }
    if (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox') {
      event.preventDefault();
      const fields = [
        ...(formRef.current?.querySelectorAll<HTMLElement>('input, select, textarea, button') ?? []),
      ].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0);
      fields[fields.indexOf(target) + 1]?.focus();
    }
  };

  if (created) return <IntakeDone ticket={created} onAnother={reset} />;

  return (
    <main id="main" className="intake" aria-labelledby="intake-title">
      <div className="view-head">
        <h1 id="intake-title">{t('intake.title')}</h1>
        <span className="hint">{t('intake.submitHint')}</span>
      </div>
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        onKeyDown={onKeyDown}
        noValidate
        data-testid="intake-form"
      >
        <IntakeFields key={callKey} draft={draft} errors={errors} update={update} />
        {failure ? (
          <p className="form-error" role="alert" data-testid="intake-error">
            {failure}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy} data-testid="intake-submit">
            {busy ? t('intake.busy') : t('intake.submit')} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" onClick={() => navigate({ name: 'queue' })}>
            {t('intake.cancel')} <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </main>
  );
}
