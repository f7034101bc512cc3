import { useEffect, useRef } from 'react';
import type { Ticket } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';

/** After the call: the reference to read out, and the way to the next call. */
export function IntakeDone({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) {
  const { t, dateTime } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main
      id="main"
      className="intake intake-done"
      aria-labelledby="intake-done-title"
      data-testid="intake-done"
    >
      <h1 id="intake-done-title" ref={heading} tabIndex={-1}>
        {t('intake.created', { reference: ticket.reference })}
      </h1>
      <p className="big-reference" data-testid="created-reference">
        {ticket.reference}
      </p>
      <p>{t('intake.tellCaller')}</p>
      {ticket.sla.responseDueAt && ticket.sla.resolutionDueAt ? (
        <p className="sla-preview">
          {t('intake.expect', {
            response: dateTime(ticket.sla.responseDueAt),
            resolution: dateTime(ticket.sla.resolutionDueAt),
          })}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={onAnother}>
          {t('intake.another')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'ticket', ref: ticket.reference })}>
          {t('intake.open')}
        </button>
      </div>
    </main>
  );
}
