export {
  TopdeskSimulator,
  DEFAULT_TOPDESK_CREDENTIALS,
  type TopdeskSimulatorOptions,
} from './topdesk-simulator';
export type { TopdeskCredentials } from './topdesk-auth';
