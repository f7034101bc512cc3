import type { MailLanguage, NotificationKind } from '../notification-kind';
import type { EscalationMailData } from '../templates/escalation.mail';
import type { MailData } from '../templates/mail-data';

const SAMPLE_TEXT: Record<MailLanguage, Partial<Record<NotificationKind, string>>> = {
  nl: {
    clarification:
      'Aan welke kant van de straat staat de lamp: aan de kant van de kerk of aan de kant van het park?',
    message: 'We hebben de netbeheerder gevraagd de lamp te herstellen. Ze komen deze week langs.',
    resolution: 'De netbeheerder heeft de lamp vervangen. Ze brandt weer sinds vanavond.',
  },
  fr: {
    clarification: 'De quel côté de la rue se trouve le lampadaire\u00a0: côté église ou côté parc\u00a0?',
    message:
      'Nous avons demandé au gestionnaire du réseau de réparer le lampadaire. Il passera cette semaine.',
    resolution: 'Le gestionnaire du réseau a remplacé le lampadaire. Il fonctionne à nouveau depuis ce soir.',
  },
  en: {
    clarification: 'Which side of the street is the lamp on: the church side or the park side?',
    message: 'We have asked the grid operator to repair the lamp. They will come by this week.',
    resolution: 'The grid operator has replaced the lamp. It has been working again since this evening.',
  },
};

/** A realistic street-light report, for previews of every template in every language. */
export function sampleMailData(
  kind: NotificationKind,
  language: MailLanguage,
  context: { municipalityName: string; town: string; timeZone: string; baseUrl: string; now: Date },
): MailData {
  return {
    language,
    ticketKind: 'report',
    reference: `ZWVL-${context.now.getUTCFullYear()}-000042`,
    recipientName: 'An Peeters',
    municipalityName: context.municipalityName,
    categoryName: { nl: 'Openbare verlichting', fr: 'Éclairage public', en: 'Public lighting' }[language],
    place: `Kerkstraat 12, 8500 ${context.town}`,
    description:
      'De straatlamp voor huisnummer 12 brandt al een week niet meer. Het is er ’s avonds erg donker.',
    resolutionDueAt: new Date(context.now.getTime() + 7 * 86_400_000),
    timeZone: context.timeZone,
    statusUrl: `${context.baseUrl}/status/sample-token-for-preview-only`,
    text: SAMPLE_TEXT[language][kind] ?? null,
    now: context.now,
  };
}

/** The same street light, its first response two hours late: the preview of the team's escalation. */
export function sampleEscalationData(
  language: MailLanguage,
  context: { municipalityName: string; timeZone: string; baseUrl: string; now: Date },
): EscalationMailData {
  const reference = `ZWVL-${context.now.getUTCFullYear()}-000042`;
  return {
    language,
    reference,
    municipalityName: context.municipalityName,
    categoryName: { nl: 'Openbare verlichting', fr: 'Éclairage public', en: 'Public lighting' }[language],
    priority: 'P3',
    subject: 'Straatlamp brandt niet',
    description:
      'De straatlamp voor huisnummer 12 brandt al een week niet meer. Het is er ’s avonds erg donker.',
    clock: 'response',
    dueAt: new Date(context.now.getTime() - 2 * 3_600_000),
    timeZone: context.timeZone,
    consoleUrl: `${context.baseUrl}/console/tickets/${reference}`,
    now: context.now,
  };
}
