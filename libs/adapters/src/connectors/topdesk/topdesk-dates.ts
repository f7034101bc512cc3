/**
 * TOPdesk answers dates as `2026-11-23T10:15:00.000+0000`: an offset without a colon, which
 * `Date.parse` does not promise to read. Null when the text is not such a date.
 */
export function parseTopdeskDate(text: string | null | undefined): number | null {
  if (!text) return null;
  const normalised = text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : ms;
}

/** A FIQL date value: whole seconds in UTC, e.g. `2026-11-23T10:14:59Z`. */
export function fiqlDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
