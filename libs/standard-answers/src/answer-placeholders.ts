/** What an answer may say about the ticket it goes on. */
export const PLACEHOLDERS = ['reference', 'name', 'category', 'municipality', 'address'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const TOKEN = /\{([a-z]+)\}/g;

/** The placeholders a text uses that do not exist (a typo would reach the citizen as it is). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(TOKEN)]
    .map((m) => m[1])
    .filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

/** The text with the ticket's values; a value the ticket lacks becomes the fallback word. */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<Placeholder, string | null>>,
  fallback: Partial<Record<Placeholder, string>> = {},
): string {
  return text.replace(TOKEN, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    return values[name as Placeholder] || fallback[name as Placeholder] || '';
  });
}
