import { useState, type FormEvent } from 'react';
import type { Ticket, TicketStatus } from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { inScope } from '../state/queue-filter';
import { navigate } from '../state/router';
import { useWorkspace } from '../state/workspace';
import { FormAlert } from '../components/form-alert';
import { FormButtons } from '../components/form-buttons';

// As the api: a resolved, closed or cancelled ticket stays where it was handled.
const REROUTABLE: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_citizen'];

interface Props {
  ticket: Ticket;
  onChanged: (ticket: Ticket) => void;
}

/**
 * Sends the ticket to the municipality it belongs to (the caller named the wrong one, the address
 * lies across the border). The category must be one the new municipality offers; the reason goes
 * into the history and both back-offices. An agent who does not work for the new municipality
 * goes back to the queue: the ticket is no longer theirs to see.
 */
export function TicketReroute({ ticket, onChanged }: Props) {
  const { t, language } = useI18n();
  const { api, session, municipalities, categoriesFor } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!REROUTABLE.includes(ticket.status)) return null;

  const offered = target ? categoriesFor(target) : [];
  const chooseTarget = (code: string) => {
    setTarget(code);
    // Keep the ticket's category when the new municipality offers it too.
    setCategory(categoriesFor(code).some((c) => c.code === ticket.categoryCode) ? ticket.categoryCode : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const moved = await api.post<Ticket>(`/api/v1/tickets/${ticket.id}/reroute`, {
        municipalityCode: target,
        categoryCode: category,
        reason: reason.trim(),
      });
      setOpen(false);
      setTarget('');
      setReason('');
      if (inScope(session.user, moved)) onChanged(moved);
      else navigate({ name: 'queue' });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <section className="reroute">
        <button type="button" onClick={() => setOpen(true)}>
          {t('reroute.open')}
        </button>
      </section>
    );
  }
  return (
    <section className="reroute" aria-labelledby="reroute-title">
      <form className="transition-form" onSubmit={(e) => void submit(e)}>
        <h2 id="reroute-title">{t('reroute.title')}</h2>
        <label htmlFor="reroute-municipality">{t('reroute.municipality')}</label>
        <select
          id="reroute-municipality"
          required
          value={target}
          onChange={(e) => chooseTarget(e.target.value)}
        >
          <option value="">…</option>
          {municipalities
            .filter((m) => m.code !== ticket.municipalityCode)
            .map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
        </select>
        <label htmlFor="reroute-category">{t('reroute.category')}</label>
        <select
          id="reroute-category"
          required
          disabled={!target}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          <option value="">…</option>
          {offered.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name[language] ?? c.name.nl}
            </option>
          ))}
        </select>
        <label htmlFor="reroute-reason">{t('reroute.reason')}</label>
        <textarea
          id="reroute-reason"
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormButtons label={t('reroute.submit')} busy={busy} onCancel={() => setOpen(false)} />
        <FormAlert error={error} />
      </form>
    </section>
  );
}
