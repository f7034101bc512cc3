/**
 * TOPdesk writes dates as `2026-11-23T10:15:00.000+0000` (ISO 8601, milliseconds, offset without
 * a colon) and accepts ISO 8601 in queries (`...Z`, `+00:00`, `+0000`, with or without fraction).
 */

export function formatTopdeskDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Milliseconds since the epoch, or null when the text is not an ISO 8601 date-time with offset or Z. */
export function parseIsoDateTime(text: string): number | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, ms);
  return Number.isNaN(utc) ? null : utc - offsetMinutes * 60_000;
}

/**
 * TOPdesk keeps an incident's modification date to the second (real answers show `...:36.000+0000`
 * while the creation date of the same incident has milliseconds): what the API shows and what FIQL
 * compares is the time cut down to the whole second.
 */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
