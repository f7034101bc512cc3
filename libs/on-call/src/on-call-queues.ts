export const ON_CALL_EVENTS_QUEUE = 'on-call-events';
