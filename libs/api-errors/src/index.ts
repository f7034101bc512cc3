export * from './domain-errors';
export * from './error-body';
export * from './validation';
export * from './http-exception.filter';
export * from './request-text-rules';
export * from './request-text-guard';
export * from './loggable-error';
