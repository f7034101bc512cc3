export * from './domain-errors';
export * from './error-body';
export * from './validation';
export * from './http-exception.filter';
