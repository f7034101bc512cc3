/**
 * A category's back-office fields as the agent types them: one `field = value` per line, e.g.
 * `category = Openbaar domein`. Empty text means no mapping of its own (the `*` entry applies).
 */
export function backOfficeFields(text: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at < 1) continue;
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (key && value) fields[key] = value;
  }
  return Object.keys(fields).length ? fields : null;
}

export function backOfficeText(fields: Record<string, string> | null, separator = '\n'): string {
  return Object.entries(fields ?? {})
    .map(([key, value]) => `${key} = ${value}`)
    .join(separator);
}
