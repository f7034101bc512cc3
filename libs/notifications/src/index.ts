export * from './notification-kind';
export * from './notification-queues';
export * from './notification-entities';
export * from './notifications.module';
export * from './notifications-worker.module';
export { CitizenAccessTokens } from './citizen-access-tokens';
export { MailProfiles } from './mail-profiles';
export { MailSink, type CaughtMail, type CaughtMailSummary } from './delivery/mail-sink';
