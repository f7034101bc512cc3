export * from './console.module';
export * from './console.gateway';
export * from './console-events';
export * from './redis-io.adapter';
export * from './responsible-desk';
