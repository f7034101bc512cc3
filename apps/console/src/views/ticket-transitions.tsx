import { useState, type FormEvent, type RefObject } from 'react';
import { ApiError } from '../api/api-client';
import {
  CANCEL_REASONS,
  TRANSITIONS,
  type CancelReason,
  type Ticket,
  type TicketStatus,
} from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

interface Props {
  ticket: Ticket;
  firstButtonRef: RefObject<HTMLButtonElement | null>;
  onChanged: (ticket: Ticket) => void;
  onConflict: () => void;
}

/** Moves that need words first: the question for the citizen, the reason, what was done. */
const NEEDS_FORM: readonly TicketStatus[] = ['waiting_for_citizen', 'cancelled', 'resolved'];

export function TicketTransitions({ ticket, firstButtonRef, onChanged, onConflict }: Props) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [pending, setPending] = useState<TicketStatus | null>(null);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState<CancelReason>('duplicate');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const allowed = TRANSITIONS[ticket.status];

  const move = async (to: TicketStatus) => {
    setBusy(true);
    setNotice(null);
    const body: Record<string, string> = { to };
    if (message.trim()) body.message = message.trim();
    if (to === 'cancelled') body.reason = reason;
    try {
      const updated = await api.post<Ticket>(`/api/v1/tickets/${ticket.id}/transitions`, body);
      setPending(null);
      setMessage('');
      setNotice({ ok: true, text: t('transition.done', { status: t(`status.${updated.status}`) }) });
      onChanged(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.body?.allowed) {
        const names = error.body.allowed.map((s) => t(`status.${s as TicketStatus}`)).join(', ');
        setNotice({ ok: false, text: t('transition.conflict', { allowed: names || '—' }) });
        setPending(null);
        onConflict();
      } else {
        setNotice({ ok: false, text: errorText(t, error) });
      }
    } finally {
      setBusy(false);
    }
  };

  const choose = (to: TicketStatus) => {
    setNotice(null);
    if (NEEDS_FORM.includes(to)) {
      setMessage('');
      setPending(to);
    } else void move(to);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending && (pending !== 'waiting_for_citizen' || message.trim())) void move(pending);
  };

  return (
    <section className="transitions" aria-labelledby="transitions-title">
      <h2 id="transitions-title">{t('transition.title')}</h2>
      {allowed.length === 0 ? <p className="muted">{t('transition.none')}</p> : null}
      <div className="button-row">
        {allowed.map((to, index) => (
          <button
            key={to}
            type="button"
            ref={index === 0 ? firstButtonRef : undefined}
            className={`transition transition-${to}${pending === to ? ' is-pending' : ''}`}
            disabled={busy}
            aria-expanded={NEEDS_FORM.includes(to) ? pending === to : undefined}
            onClick={() => choose(to)}
            data-to={to}
          >
            {t(`transition.to.${to}`)}
          </button>
        ))}
      </div>
      {pending ? (
        <form className="transition-form" onSubmit={submit}>
          {pending === 'cancelled' ? (
            <label>
              {t('transition.reason')}
              <select value={reason} onChange={(e) => setReason(e.target.value as CancelReason)} autoFocus>
                {CANCEL_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`cancel.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t(pending === 'waiting_for_citizen' ? 'transition.question' : 'transition.resolution')}
              <textarea
                rows={3}
                value={message}
                autoFocus
                required={pending === 'waiting_for_citizen'}
                onChange={(e) => setMessage(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
                }}
                data-testid="transition-message"
              />
              {pending === 'waiting_for_citizen' ? (
                <span className="hint">{t('transition.questionHint')}</span>
              ) : null}
            </label>
          )}
          <div className="button-row">
            <button
              type="submit"
              className="primary"
              disabled={busy || (pending === 'waiting_for_citizen' && !message.trim())}
            >
              {t('transition.confirm')}: {t(`transition.to.${pending}`)}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('transition.back')}
            </button>
          </div>
        </form>
      ) : null}
      {notice ? (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'ok' : 'form-error'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
