/** What a mail's headers say about who wrote it: read from mailparser's lower-cased header map. */
export interface MailHeaders {
  get(name: string): unknown;
  has(name: string): boolean;
}

/** Why a mail is not a citizen's: no ticket, no reply (and never an acknowledgement back). */
export type AutomaticMailReason = 'bounce' | 'auto-reply' | 'mailing-list' | 'own-mail';

const DAEMONS = /^(mailer-daemon|postmaster)@/i;
const NO_REPLY = /^(no-?reply|do-?not-?reply|nepasrepondre|niet-?antwoorden)@/i;
const BULK_PRECEDENCE = ['bulk', 'junk', 'list', 'auto_reply'];

/**
 * Bounces (RFC 3464 reports, null return path, mailer daemons), out-of-office and other automatic
 * replies (RFC 3834 Auto-Submitted, and the headers Exchange, Gmail and vacation programs set
 * instead), list traffic, and mail from one of our own mailboxes (a loop). Answering any of them
 * would start a mail loop; filing them would fill the queue with noise. `from` is the address an
 * answer would go to (Reply-To, else From).
 */
export function automaticMailReason(
  headers: MailHeaders,
  returnPath: string | null,
  from: string | null,
  ownAddress: (address: string) => boolean,
): AutomaticMailReason | null {
  const contentType = headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  if (returnPath === null || returnPath === '') return 'bounce';
  if (contentType?.value?.toLowerCase() === 'multipart/report') return 'bounce';
  if (from && DAEMONS.test(from)) return 'bounce';
  if (from && ownAddress(from)) return 'own-mail';
  // Nobody to answer: a form mailer's own address without a Reply-To naming the citizen.
  if (from && NO_REPLY.test(from)) return 'auto-reply';
  const autoSubmitted = headerText(headers, 'auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-reply';
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-autoresponder')) {
    return 'auto-reply';
  }
  const suppress = headerText(headers, 'x-auto-response-suppress').toLowerCase();
  if (/\b(all|oof|autoreply)\b/.test(suppress)) return 'auto-reply';
  if (BULK_PRECEDENCE.includes(headerText(headers, 'precedence').toLowerCase())) {
    return headerText(headers, 'precedence').toLowerCase() === 'auto_reply' ? 'auto-reply' : 'mailing-list';
  }
  // mailparser gathers the List-* headers into one `list` header.
  if (headers.has('list') || headers.has('list-id') || headers.has('list-unsubscribe')) return 'mailing-list';
  return null;
}

function headerText(headers: MailHeaders, name: string): string {
  const value = headers.get(name);
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && 'value' in value) return String(value.value).trim();
  return '';
}
