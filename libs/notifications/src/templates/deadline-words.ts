import type { MailLanguage } from '../notification-kind';

const LOCALES: Record<MailLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const PREFIX: Record<MailLanguage, string> = { nl: 'uiterlijk op', fr: 'au plus tard le', en: 'by' };

// Building an Intl.DateTimeFormat costs far more than formatting with it, and every e-mail formats
// a date or two: one formatter per locale, style and time zone, kept (a few dozen at most).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * A date as citizens say it, in the municipality's time zone: "dinsdag 6 april", "mardi 6 avril",
 * "Tuesday 6 April"; the year only when it is not this year's.
 */
export function dateInWords(at: Date, language: MailLanguage, timeZone: string, now = new Date()): string {
  const year = (d: Date) => formatter('en', { year: 'numeric', timeZone }).format(d);
  const parts = formatter(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const words = [part('weekday'), part('day'), part('month')];
  if (year(at) !== year(now)) words.push(part('year'));
  return words.join(' ');
}

/** The deadline promised to the citizen: "uiterlijk op dinsdag 6 april", "au plus tard le mardi 6 avril", "by Tuesday 6 April". */
export function deadlineInWords(
  at: Date,
  language: MailLanguage,
  timeZone: string,
  now = new Date(),
): string {
  return `${PREFIX[language]} ${dateInWords(at, language, timeZone, now)}`;
}

const AT: Record<MailLanguage, string> = { nl: 'om', fr: 'à', en: 'at' };

/**
 * A moment to the minute, for staff: "dinsdag 6 april om 14:30", "mardi 6 avril à 14:30",
 * "Tuesday 6 April at 14:30", in the municipality's time zone.
 */
export function momentInWords(at: Date, language: MailLanguage, timeZone: string, now = new Date()): string {
  const time = formatter(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  return `${dateInWords(at, language, timeZone, now)} ${AT[language]} ${time}`;
}
