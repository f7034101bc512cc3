const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Everything that goes into our HTML (mails, the status page) passes through here: descriptions,
 * messages, names and addresses come from citizens and staff and may hold markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Escaped text whose line breaks stay line breaks. */
export function escapeLines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** Only http(s) links reach an href; anything else (javascript:, data:) becomes harmless. */
export function escapeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#';
}
