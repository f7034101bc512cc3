/** The privacy context's queue and jobs (run by the worker). */
export const PRIVACY_QUEUE = 'privacy';
export const RETENTION_JOB = 'anonymise-expired';
export const RETENTION_SCHEDULER = 'gdpr-retention';
/** Every night at 03:15 Brussels time, when the contact center is closed. */
export const RETENTION_SCHEDULE = { pattern: '15 3 * * *', tz: 'Europe/Brussels' };
