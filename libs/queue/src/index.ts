export * from './redis-provisioner';
export * from './queue-connection';
