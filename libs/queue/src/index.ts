export * from './redis-provisioner';
export * from './queue-connection';
export * from './periodic-reconciler';
export * from './lost-jobs';
export * from './held-leases';
export * from './coalescer';
