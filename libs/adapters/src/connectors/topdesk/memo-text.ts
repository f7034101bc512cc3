const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * TOPdesk memo fields (actions, request) may hold a little HTML (`<br>`, `<p>`, `<b>`, ...): the
 * operator's editor writes it. Our notes are plain text, so line breaks are kept and tags dropped.
 */
export function memoToText(memo: string | null | undefined): string {
  if (!memo) return '';
  if (!/[<&]/.test(memo)) return memo.trim();
  return memo
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
