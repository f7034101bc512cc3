export { TopdeskAdapter } from './topdesk.adapter';
export { readTopdeskOptions, DEFAULT_CALLER_NAME, type TopdeskOptions } from './topdesk-options';
