export * from './adapters.module';
export * from './adapters-worker.module';
export * from './webhook-inbox';
export * from './entities/webhook-delivery.entity';
export * from './port/back-office-adapter';
export { ADAPTER_ENTITIES } from './entities';
export { BackOfficeConnections } from './connection/back-office-connections';
export { DemoBackOffices, DEMO_CREDENTIALS } from './demo/demo-back-offices';
export { BackOfficeAdapters } from './connectors/back-office-adapters';
