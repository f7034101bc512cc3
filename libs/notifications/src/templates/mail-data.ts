import type { MailLanguage } from '../notification-kind';

/** Everything a template needs, already looked up and in the citizen's language. */
export interface MailData {
  language: MailLanguage;
  ticketKind: 'question' | 'report' | 'complaint';
  reference: string;
  recipientName: string | null;
  municipalityName: string;
  categoryName: string;
  place: string | null;
  description: string;
  resolutionDueAt: Date | null;
  timeZone: string;
  /** The private status link of this very e-mail. */
  statusUrl: string;
  /** The question, the message, or what was done (resolution); null when there is none. */
  text: string | null;
  now: Date;
}

/** The start of a long text, cut at a word: enough for the citizen to recognise what they wrote. */
export function excerpt(text: string, max = 300): string {
  const flat = text.trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
