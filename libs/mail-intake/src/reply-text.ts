/**
 * The lines a citizen wrote in a reply, without the quoted mail under it: mail programs quote with
 * "> " or put the old mail under a header line ("Op ... schreef ...:", "Le ... a écrit :",
 * "On ... wrote:", Outlook's "-----Original Message-----" or "Van: ... Verzonden: ..." block).
 * A reply that is only quotes keeps the whole text: better too much than an empty message.
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (startsQuotedMail(line, lines[i + 1])) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const reply = stripSignatureDelimiter(kept).join('\n').trim();
  return reply || text.trim();
}

const WROTE = [
  /^\s*(op|am|on|le)\b.{4,200}\b(schreef|schrieb|wrote|a écrit)\s*.*:\s*$/i,
  /^\s*-{2,}\s*(original message|oorspronkelijk bericht|message d'origine|origineel bericht)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];

function startsQuotedMail(line: string, next: string | undefined): boolean {
  if (WROTE.some((re) => re.test(line))) return true;
  // Outlook without a separator: "Van: ..." (or From:/De :) directly followed by the sent line.
  return (
    /^\s*(van|from|de)\s?:/i.test(line) &&
    next !== undefined &&
    /^\s*(verzonden|sent|envoyé|date|datum)\s?:/i.test(next)
  );
}

/** A "-- " line starts the sender's signature (RFC 3676). */
function stripSignatureDelimiter(lines: string[]): string[] {
  const at = lines.findIndex((l) => l === '-- ');
  return at === -1 ? lines : lines.slice(0, at);
}
