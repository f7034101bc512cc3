import { useEffect, useState, type FormEvent } from 'react';
import type { Ticket, TicketStatus } from '../api/contract';
import { errorText } from '../components/error-text';
import { FormAlert } from '../components/form-alert';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { FormButtons } from '../components/form-buttons';

interface Forward {
  id: string;
  partyName: string;
  partyEmail: string;
  question: string;
  status: 'open' | 'answered';
  answerCount: number;
  createdAt: string;
}

// As the api: a closed or cancelled ticket is not forwarded.
const FINAL: readonly TicketStatus[] = ['closed', 'cancelled'];

/**
 * Questions to parties outside the municipality (a utility, the police): who was asked and whether
 * they answered (answers arrive in the history as internal messages), and the form to ask one.
 * The party gets the question, the place and the description, never the reporter.
 */
export function TicketForwards({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [forwards, setForwards] = useState<Forward[]>([]);
  const [open, setOpen] = useState(false);
  const [partyName, setPartyName] = useState('');
  const [partyEmail, setPartyEmail] = useState('');
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .get<Forward[]>(`/api/v1/tickets/${ticket.id}/forwards`)
      .then((rows) => alive && setForwards(rows))
      .catch(() => alive && setForwards([]));
    return () => {
      alive = false;
    };
  }, [api, ticket.id, ticket.version]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sent = await api.post<Forward>(`/api/v1/tickets/${ticket.id}/forwards`, {
        partyName: partyName.trim(),
        partyEmail: partyEmail.trim(),
        question: question.trim(),
      });
      setForwards((rows) => [sent, ...rows.filter((r) => r.id !== sent.id)]);
      setOpen(false);
      setPartyName('');
      setPartyEmail('');
      setQuestion('');
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const canForward = !FINAL.includes(ticket.status);
  if (!forwards.length && !canForward) return null;
  return (
    <section className="forwards" aria-labelledby="forwards-title">
      <h2 id="forwards-title">{t('forwards.title')}</h2>
      {forwards.length ? (
        <ul data-testid="forwards">
          {forwards.map((f) => (
            <li key={f.id} data-status={f.status}>
              <strong>{f.partyName}</strong> ·{' '}
              {f.status === 'answered'
                ? t('forwards.answered', { count: f.answerCount })
                : t('forwards.waiting')}
            </li>
          ))}
        </ul>
      ) : null}
      {canForward && !open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('forwards.open')}
        </button>
      ) : null}
      {open ? (
        <form className="transition-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="forward-party">{t('forwards.partyName')}</label>
          <input
            id="forward-party"
            required
            maxLength={120}
            value={partyName}
            onChange={(e) => setPartyName(e.target.value)}
          />
          <label htmlFor="forward-email">{t('forwards.partyEmail')}</label>
          <input
            id="forward-email"
            type="email"
            required
            maxLength={254}
            value={partyEmail}
            onChange={(e) => setPartyEmail(e.target.value)}
          />
          <label htmlFor="forward-question">{t('forwards.question')}</label>
          <textarea
            id="forward-question"
            required
            maxLength={4000}
            rows={3}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <p className="muted">{t('forwards.privacy')}</p>
          <FormButtons label={t('forwards.submit')} busy={busy} onCancel={() => setOpen(false)} />
          <FormAlert error={error} />
        </form>
      ) : null}
    </section>
  );
}
