import { createHash } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REFERENCE = /\b([A-Z]{2,8}-\d{4}-\d{6})\b/;

/** Message-IDs named by In-Reply-To and References, nearest first (In-Reply-To, then newest reference). */
export function referencedMessageIds(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): string[] {
  const refs = (Array.isArray(references) ? references : references ? [references] : [])
    .flatMap((r) => r.match(/<[^<>\s]+>/g) ?? [])
    .reverse();
  const ids = [...(inReplyTo?.match(/<[^<>\s]+>/g) ?? []), ...refs];
  return [...new Set(ids)].slice(0, 50);
}

/**
 * The notification ids in Message-IDs of our own mails: `<notification-uuid@mail-from-domain>`
 * (see MailComposer). Anything else (the citizen's own mails, other systems) is not one of ours.
 */
export function ourNotificationIds(messageIds: string[], mailFromDomain: string): string[] {
  const ours = new RegExp(`^<(${UUID})@${mailFromDomain.replace(/[.]/g, '\\.')}>$`, 'i');
  return messageIds.flatMap((id) => ours.exec(id)?.[1]?.toLowerCase() ?? []);
}

/** A ticket reference in a subject line, as our mails put it: "(ZWVL-2026-000123)". */
export function referenceInSubject(subject: string | undefined): string | null {
  return subject ? (REFERENCE.exec(subject)?.[1] ?? null) : null;
}

/**
 * The key one mail is known by, whoever delivers it and how often: a hash of its Message-ID, else
 * of its content. A hash, so no address (personal data) is kept in the key.
 */
export function mailKey(messageId: string | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  const hash = createHash('sha256');
  if (id) hash.update(`id:${id.toLowerCase()}`);
  else hash.update('raw:').update(raw);
  return `mail:${hash.digest('hex')}`;
}
