import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { TicketsModule } from '@meldpunt/tickets';
import { BackOfficeConnections } from './connection/back-office-connections';
import { BackOfficeSettingsController } from './connection/back-office-settings.controller';
import { DemoBackOffices } from './demo/demo-back-offices';
import { ADAPTER_ENTITIES } from './entities';
import { IntegrationFailures } from './failures/integration-failures';
import { IntegrationFailuresController } from './failures/integration-failures.controller';
import { BackOfficePollScheduler } from './inbound/back-office-poll-scheduler';
import { RemoteChangeApplier } from './inbound/remote-change-applier';
import { WebhookChanges } from './inbound/webhook-changes';
import { SyncJobs } from './sync/sync-jobs';
import { BACK_OFFICE_POLL_QUEUE, BACK_OFFICE_SYNC_QUEUE } from './sync/sync-queues';
import { SyncTasks } from './sync/sync-tasks';
import { IntegrationMetrics } from './status/integration-metrics';
import { IntegrationStatus } from './status/integration-status';
import { IntegrationStatusController } from './status/integration-status.controller';
import { WebhookController } from './webhook.controller';
import { WebhookInbox } from './webhook-inbox';

/**
 * Back-office integration, api side: connection settings (credentials sealed), the signed webhook
 * endpoint, failure records and their manual retry, the integration status (endpoint and /metrics). The sync and poll processors are in
 * AdaptersWorkerModule.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(ADAPTER_ENTITIES),
    BullModule.registerQueue({ name: BACK_OFFICE_SYNC_QUEUE }, { name: BACK_OFFICE_POLL_QUEUE }),
    IdentityModule,
    MunicipalitiesModule,
    TicketsModule,
  ],
  controllers: [
    WebhookController,
    BackOfficeSettingsController,
    IntegrationFailuresController,
    IntegrationStatusController,
  ],
  providers: [
    WebhookInbox,
    WebhookChanges,
    BackOfficeConnections,
    BackOfficePollScheduler,
    RemoteChangeApplier,
    SyncJobs,
    SyncTasks,
    IntegrationFailures,
    IntegrationStatus,
    IntegrationMetrics,
    DemoBackOffices,
  ],
  exports: [
    DemoBackOffices,
    WebhookInbox,
    BackOfficeConnections,
    BackOfficePollScheduler,
    RemoteChangeApplier,
    SyncJobs,
    SyncTasks,
  ],
})
export class AdaptersModule {}
