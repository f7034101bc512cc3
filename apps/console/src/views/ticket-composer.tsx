import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Ticket } from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

export type Visibility = 'public' | 'internal';

interface Props {
  ticket: Ticket;
  visibility: Visibility;
  onVisibility: (visibility: Visibility) => void;
  bodyRef: RefObject<HTMLTextAreaElement | null>;
  onSaved: (ticket: Ticket) => void;
}

/**
 * Public reply or internal note: two clearly different modes (colour, label, button text), so a
 * note meant for colleagues is never sent to a citizen by mistake.
 */
export function TicketComposer({ ticket, visibility, onVisibility, bodyRef, onSaved }: Props) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [answers, setAnswers] = useState<{ id: string; title: string; text: string }[]>([]);
  const finished = ['closed', 'cancelled'].includes(ticket.status);

  // The standard answers that fit the ticket now (its status decides some), filled in for it.
  useEffect(() => {
    let alive = true;
    api
      .get<{ id: string; title: string; text: string }[]>(`/api/v1/tickets/${ticket.id}/standard-answers`)
      .then((list) => alive && setAnswers(list))
      .catch(() => alive && setAnswers([]));
    return () => {
      alive = false;
    };
  }, [api, ticket.id, ticket.status]);

  const insertAnswer = (id: string) => {
    const answer = answers.find((a) => a.id === id);
    if (!answer) return;
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${answer.text}` : answer.text));
    bodyRef.current?.focus();
  };
  const canMail = !!ticket.reporter?.email && ticket.reporter.consent;

  const send = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.post<{ ticket: Ticket }>(`/api/v1/tickets/${ticket.id}/messages`, {
        visibility,
        body: body.trim(),
      });
      setBody('');
      setNotice({ ok: true, text: t(visibility === 'public' ? 'composer.sent' : 'composer.saved') });
      onSaved(result.ticket);
    } catch (error) {
      setNotice({ ok: false, text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <section className={`composer composer-${visibility}`} aria-labelledby="composer-title">
      <h2 id="composer-title">{t('composer.title')}</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('composer.kind')}</legend>
        {(['public', 'internal'] as const).map((v) => (
          <label key={v} className={visibility === v ? 'is-checked' : ''}>
            <input
              type="radio"
              name="visibility"
              value={v}
              checked={visibility === v}
              disabled={v === 'public' && finished}
              onChange={() => onVisibility(v)}
            />
            {t(v === 'public' ? 'composer.public' : 'composer.internal')}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {t(visibility === 'public' ? 'composer.publicHint' : 'composer.internalHint')}
        {visibility === 'public' && !canMail ? <strong className="warn"> {t('detail.noMail')}</strong> : null}
      </p>
      {answers.length ? (
        <p className="composer-answers">
          <label htmlFor="composer-answer">{t('composer.standardAnswer')}</label>{' '}
          <select
            id="composer-answer"
            value=""
            onChange={(e) => insertAnswer(e.target.value)}
            data-testid="composer-answer"
          >
            <option value="">{t('composer.chooseAnswer', { count: answers.length })}</option>
            {answers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <label className="visually-hidden" htmlFor="composer-body">
        {t('composer.body')}
      </label>
      <textarea
        id="composer-body"
        ref={bodyRef}
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="composer-body"
      />
      <div className="composer-actions">
        <button
          type="button"
          className={visibility === 'public' ? 'primary' : 'secondary'}
          disabled={busy || !body.trim()}
          onClick={() => void send()}
        >
          {t(visibility === 'public' ? 'composer.send' : 'composer.save')}
        </button>
        <span className="hint">{t('composer.shortcut')}</span>
        {notice ? (
          <span role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'ok' : 'form-error'}>
            {notice.text}
          </span>
        ) : null}
      </div>
    </section>
  );
}
