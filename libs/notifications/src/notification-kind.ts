/** The e-mails a citizen gets, each triggered by one ticket event. */
export const CITIZEN_MAIL_KINDS = [
  'acknowledgement',
  'clarification',
  'message',
  'resolution',
  'forwarded',
  'rerouted',
  'merged',
] as const;
export type CitizenMailKind = (typeof CITIZEN_MAIL_KINDS)[number];

/** The e-mails the municipality's team gets: an SLA breach, to the profile's escalation address. */
export const STAFF_MAIL_KINDS = ['escalation'] as const;
export type StaffMailKind = (typeof STAFF_MAIL_KINDS)[number];

/** The e-mails to a party outside the municipality: a forwarded question with its answer link. */
export const PARTY_MAIL_KINDS = ['party_request'] as const;
export type PartyMailKind = (typeof PARTY_MAIL_KINDS)[number];

/** Every e-mail the pipeline sends, each triggered by one ticket event. */
export const NOTIFICATION_KINDS = [...CITIZEN_MAIL_KINDS, ...STAFF_MAIL_KINDS, ...PARTY_MAIL_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A staff mail goes to the team: no consent, no citizen link, the municipality's language. */
export function isStaffMail(kind: NotificationKind): kind is StaffMailKind {
  return (STAFF_MAIL_KINDS as readonly string[]).includes(kind);
}

/** A citizen mail needs the reporter's address and consent; staff and party mails have their own address. */
export function isCitizenMail(kind: NotificationKind): kind is CitizenMailKind {
  return (CITIZEN_MAIL_KINDS as readonly string[]).includes(kind);
}

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'retrying', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** A notification in one of these states is never sent again (a retry after success sends nothing). */
export const SETTLED_STATUSES: readonly NotificationStatus[] = ['sent', 'failed', 'skipped'];

export type MailLanguage = 'nl' | 'fr' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['nl', 'fr', 'en'];
