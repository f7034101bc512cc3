import type { Ticket } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

/** What the citizen reported, who and where: read-only facts of the ticket. */
export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t, language, dateTime } = useI18n();
  const { municipalities, categories, categoriesFor } = useWorkspace();
  const municipality =
    municipalities.find((m) => m.code === ticket.municipalityCode)?.name ?? ticket.municipalityCode;
  const category =
    [...categoriesFor(ticket.municipalityCode), ...categories].find((c) => c.code === ticket.categoryCode)
      ?.name[language] ?? ticket.categoryCode;
  const reporter = ticket.reporter;
  const location = ticket.location;
  const place = [location?.address, location?.postcode].filter(Boolean).join(', ');

  return (
    <section className="facts-panel" aria-labelledby="facts-title">
      <h2 id="facts-title" className="visually-hidden">
        {t('detail.facts')}
      </h2>
      <p className="description" data-testid="description">
        {ticket.description}
      </p>
      <dl className="facts facts-grid">
        <div>
          <dt>{t('detail.reporter')}</dt>
          <dd>
            {reporter ? (
              <>
                {reporter.name ?? t('detail.anonymous')}
                {reporter.phone ? (
                  <>
                    <br />
                    <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
                  </>
                ) : null}
                {reporter.email ? (
                  <>
                    <br />
                    {reporter.email} ({reporter.consent ? t('detail.consentYes') : t('detail.consentNo')})
                  </>
                ) : null}
                {reporter.language ? <> · {reporter.language.toUpperCase()}</> : null}
              </>
            ) : (
              t('detail.anonymous')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('detail.location')}</dt>
          <dd>
            {place ? `${place} · ` : ''}
            {municipality}
          </dd>
        </div>
        <div>
          <dt>{t('detail.kind')}</dt>
          <dd>
            {t(`kind.${ticket.kind}`)} · {category}
          </dd>
        </div>
        <div>
          <dt>{t('detail.channel')}</dt>
          <dd>
            {t(`channel.${ticket.channel}`)} · {t('detail.received')} {dateTime(ticket.createdAt)}
          </dd>
        </div>
        {ticket.sla.responseDueAt ? (
          <div>
            <dt>{ticket.sla.respondedAt ? t('sla.respondedAt') : t('sla.responseDue')}</dt>
            <dd>{dateTime(ticket.sla.respondedAt ?? ticket.sla.responseDueAt)}</dd>
          </div>
        ) : null}
        {ticket.sla.resolutionDueAt ? (
          <div>
            <dt>{ticket.sla.resolvedAt ? t('sla.resolvedAt') : t('sla.resolutionDue')}</dt>
            <dd>{dateTime(ticket.sla.resolvedAt ?? ticket.sla.resolutionDueAt)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
