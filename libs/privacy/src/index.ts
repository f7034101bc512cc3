export * from './privacy.module';
export * from './privacy-worker.module';
export * from './personal-data-holders';
export * from './personal-data-retention';
export * from './data-subject-rights';
export { PRIVACY_QUEUE, RETENTION_SCHEDULER } from './privacy-queues';
