import type { CaseDraft } from '../port/back-office-adapter';

/**
 * One line of at most `max` characters (tools cap their title or description field): whitespace
 * collapsed, a longer text ending in an ellipsis, an empty one replaced by `fallback`.
 */
export function oneLine(text: string, max: number, fallback: string): string {
  const line = text.replace(/\s+/g, ' ').trim() || fallback;
  if (line.length <= max) return line;
  let cut = line.slice(0, max - 1);
  // Do not leave half of a surrogate pair (an emoji) before the ellipsis.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Where, for an operator: "address, postcode (lat, lon)", either part alone, or null. */
export function locationLine(location: CaseDraft['location']): string | null {
  if (!location) return null;
  const address = [location.address, location.postcode].filter(Boolean).join(', ');
  const coordinates =
    location.lat !== null && location.lon !== null ? `(${location.lat}, ${location.lon})` : '';
  return [address, coordinates].filter(Boolean).join(' ') || null;
}
