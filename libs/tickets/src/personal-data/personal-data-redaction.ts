/** What replaces personal data in anonymised text. */
export const REDACTED = '[verwijderd]';

/** What we know about the reporter, to find it again in free text. */
export interface KnownIdentifiers {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// International (+32 470 12 34 56, 0032 ...): 8 to 15 digits; national (0470/12.34.56, 056 23 45 67):
// 9 to 11 digits. Separators: space . / - and brackets. A date with a time ("01-02-2026 10:30")
// can look like a number and is removed too: for anonymisation, too much beats too little.
const PHONE =
  /(?<![\p{L}\p{N}+])(?:(?:\+|00)\d(?:[\s./-]?\(?\d\)?){7,14}|0\d(?:[\s./-]?\(?\d\)?){7,9})(?![\p{L}\p{N}])/gu;
// Name parts shorter than this ("An", "De", "Jan") are ordinary words too often to remove on their own.
const MIN_NAME_PART = 4;

/**
 * Removes personal data from free text: e-mail addresses and phone numbers of any form, and the
 * reporter's own name (whole and its longer parts), e-mail, phone and address. Other personal
 * details written in prose ("my neighbour Jan at number 5") cannot be recognised reliably and stay.
 */
export function redactText(text: string, known: KnownIdentifiers): string {
  let result = text;
  for (const literal of literals(known)) {
    result = result.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escape(literal)}(?![\\p{L}\\p{N}])`, 'giu'),
      REDACTED,
    );
  }
  return result.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}

/** The same for every string inside a JSON value (history event data). */
export function redactJson(value: unknown, known: KnownIdentifiers): unknown {
  if (typeof value === 'string') return redactText(value, known);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, known));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, known)]));
  }
  return value;
}

/** Longest first, so "An Peeters" goes as a whole before "Peeters" alone. */
function literals(known: KnownIdentifiers): string[] {
  const name = known.name?.trim();
  const parts = name ? name.split(/\s+/).filter((p) => p.length >= MIN_NAME_PART) : [];
  return [...new Set([name, known.email, known.phone, known.address?.trim(), ...parts])]
    .filter((v): v is string => !!v && v.length >= 3)
    .sort((a, b) => b.length - a.length);
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
