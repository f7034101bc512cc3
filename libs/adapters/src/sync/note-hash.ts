import { createHash } from 'node:crypto';

/** How a note we pushed is recognised when a poll brings it back from the tool. */
export function noteHash(text: string): string {
  return createHash('sha256').update(text.trim()).digest('base64url').slice(0, 22);
}
