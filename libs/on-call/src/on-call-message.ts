import { escapeHtml } from '@meldpunt/notifications';

export interface PageFacts {
  reference: string;
  municipalityName: string;
  subject: string;
  description: string;
  address: string | null;
  consoleUrl: string;
  ackMinutes: number;
}

// Staff on watch read Dutch (the region's working language). An SMS stays near 160 characters:
// the subject is cut, the link is whole.
const SMS_SUBJECT = 60;

/** The SMS: what, where, and the link to acknowledge in the console. */
export function onCallSms(facts: PageFacts): string {
  const subject =
    facts.subject.length > SMS_SUBJECT ? `${facts.subject.slice(0, SMS_SUBJECT - 1)}…` : facts.subject;
  return `Wachtdienst ${facts.municipalityName}: dringend ${facts.reference} – ${subject}. Bevestig binnen ${facts.ackMinutes} min: ${facts.consoleUrl}`;
}

/** The e-mail: the same, with the description; nothing of the reporter (the console has it, behind login). */
export function onCallMail(facts: PageFacts): { subject: string; text: string; html: string } {
  const lines = [
    `Je hebt wachtdienst voor ${facts.municipalityName}. Er kwam een dringende melding binnen buiten de openingsuren.`,
    `${facts.reference}: ${facts.subject}`,
    ...(facts.address ? [`Plaats: ${facts.address}`] : []),
    facts.description,
    `Bevestig binnen ${facts.ackMinutes} minuten in de console dat je het opneemt, anders wordt de volgende persoon van wacht opgeroepen: ${facts.consoleUrl}`,
  ];
  const html =
    `<!doctype html><html lang="nl"><body style="font:16px/1.5 system-ui,Arial,sans-serif">` +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    `<p><a href="${escapeHtml(facts.consoleUrl)}">Open de melding in de console</a></p></body></html>`;
  return {
    subject: `DRINGEND – wachtdienst ${facts.municipalityName}: ${facts.reference}`,
    text: lines.join('\n\n'),
    html,
  };
}
