/**
 * The shapes of the public contract (shared/docs/contract.md) the console reads. They mirror the
 * api's DTOs by hand: the console is a separate browser bundle and must not import server code.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TICKET_STATUSES = [
  'new',
  'in_progress',
  'waiting_for_citizen',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_citizen'];

export const TICKET_KINDS = ['question', 'report', 'complaint'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const CHANNELS = ['phone', 'email', 'web', 'chat', 'counter', 'app', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CANCEL_REASONS = ['duplicate', 'not_for_us', 'spam'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface Holder {
  id: string;
  name: string | null;
}

export interface Ticket {
  id: string;
  reference: string;
  kind: TicketKind;
  channel: Channel;
  categoryCode: string;
  subject: string;
  description: string;
  municipalityCode: string;
  location: {
    address: string | null;
    postcode: string | null;
    lat: number | null;
    lon: number | null;
  } | null;
  reporter: {
    name: string | null;
    email: string | null;
    phone: string | null;
    language: string | null;
    consent: boolean;
  } | null;
  priority: Priority;
  status: TicketStatus;
  cancelReason?: CancelReason | null;
  assignee: Holder | null;
  /** Increases with every change: a newer version always wins over an older one. */
  version: number;
  createdAt: string;
  updatedAt: string;
  sla: {
    responseDueAt: string | null;
    resolutionDueAt: string | null;
    respondedAt: string | null;
    resolvedAt: string | null;
    paused: boolean;
    breached: { response: boolean; resolution: boolean };
  };
  /** The agent handling the call now (claim), when the api includes it. */
  claimedBy?: Holder | null;
  /** The municipality's team the ticket is with. */
  team?: Holder | null;
  /** The ticket this one was merged into as a duplicate. */
  mergedInto?: { id: string; reference: string | null } | null;
}

export interface Team {
  id: string;
  municipalityCode: string;
  name: string;
  email: string | null;
  members: { id: string; name: string }[];
  /** The categories whose new tickets come to this team at intake. */
  categoryCodes?: string[];
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

export interface HistoryEvent {
  id: string;
  type: string;
  at: string;
  actor: { type: string; id: string | null; name: string };
  data: Record<string, unknown>;
}

/** GET /api/v1/tickets/{id}/attachments */
export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  municipalities: string[];
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
  refreshExpiresIn?: number;
  user: StaffUser;
}

export interface Municipality {
  code: string;
  name: string;
  postcodes: string[];
  languages: string[];
  timezone: string;
}

export interface Category {
  code: string;
  name: Record<Language, string>;
  kinds: string[];
  defaultPriority: Priority;
  /** regional: the region's taxonomy; local: a category the municipality added. */
  origin?: 'regional' | 'local';
}

/** GET /municipalities/{code}/category-settings: how one municipality offers a category. */
export interface CategorySetting extends Category {
  enabled: boolean;
  regionalName: Record<Language, string> | null;
  backOffice: Record<string, string> | null;
}

export interface DeskStatus {
  municipalityCode: string;
  name: string;
  open: boolean;
  responsibleDesk: 'municipal' | 'regional';
  changesAt: string | null;
  reason: Record<Language, string>;
}

export interface SlaPreview {
  responseDueAt: string;
  resolutionDueAt: string;
  policyId: string;
}

export interface NewTicket {
  kind: TicketKind;
  channel: Channel;
  categoryCode: string;
  description: string;
  subject?: string;
  municipalityCode?: string;
  location?: { address?: string; postcode?: string };
  reporter?: { name?: string; email?: string; phone?: string; language?: Language; consent?: boolean };
  priority?: Priority;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  allowed?: string[];
}

/** The lifecycle (libs/tickets/src/ticket-lifecycle.ts); the api stays the judge (409 with allowed). */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['in_progress', 'cancelled'],
  in_progress: ['waiting_for_citizen', 'resolved', 'cancelled'],
  waiting_for_citizen: ['in_progress'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

/** Roles that see every municipality (libs/identity/src/roles.ts). */
export const REGION_WIDE_ROLES = ['admin', 'regional_agent'];

/** `GET /api/v1/integrations/status`: a connected municipality's back-office link, as the sync saw it. */
export interface IntegrationStatus {
  municipalityCode: string;
  system: string;
  status: 'ok' | 'degraded' | 'failing';
  pollSeconds: number | null;
  lastPolledAt: string | null;
  lastPollSuccessAt: string | null;
  pollError: string | null;
  pendingTasks: number;
  oldestPendingSince: string | null;
  failedTasks: number;
}

/** `GET /api/v1/integrations/failures`: a back-office call that exhausted its retries. */
export interface IntegrationFailure {
  id: string;
  ticketId: string;
  reference: string;
  municipalityCode: string;
  system: string;
  operation: 'create' | 'note' | 'hold' | 'resume';
  attempts: number;
  error: string | null;
  failedAt: string;
  createdAt: string;
}
