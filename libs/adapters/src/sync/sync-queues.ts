/** Ticket events that may call for a back-office call, one job per outbox event (`event-<id>`). */
export const BACK_OFFICE_EVENTS_QUEUE = 'backoffice-events';
/** One job per sync task (`task-<id>`; a manual retry adds `-retry<n>`). */
export const BACK_OFFICE_SYNC_QUEUE = 'backoffice-sync';
export const BACK_OFFICE_SYNC_JOB = 'sync';
/** Inbound polls: one job scheduler per municipality (`poll-<code>`), plus nudges from webhooks. */
export const BACK_OFFICE_POLL_QUEUE = 'backoffice-poll';
export const BACK_OFFICE_POLL_JOB = 'poll';
/** The back-off type of sync jobs: exponential with jitter, never shorter than a Retry-After. */
export const SYNC_BACKOFF_TYPE = 'sync-jitter';

export interface SyncJob {
  taskId: string;
}

export interface PollJob {
  municipalityCode: string;
}
