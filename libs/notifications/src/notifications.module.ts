import { BullModule } from '@nestjs/bullmq';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { urlencoded } from 'express';
import { ForwardRecordsModule } from '@meldpunt/forwards';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { TicketsModule } from '@meldpunt/tickets';
import { CitizenAccessTokens } from './citizen-access-tokens';
import { CitizenTickets } from './citizen/citizen-tickets';
import { PublicTicketsController } from './citizen/public-tickets.controller';
import { StatusPageController } from './citizen/status-page.controller';
import { PartyPageController } from './party/party-page.controller';
import { MailDeliveryQueue } from './delivery/mail-delivery-queue';
import { MailSink } from './delivery/mail-sink';
import { FeedbackRecords } from './feedback-records';
import { MailProfiles } from './mail-profiles';
import { NOTIFICATION_ENTITIES } from './notification-entities';
import { NotificationPrivacyModule } from './notification-personal-data';
import { MAIL_DELIVERY_QUEUE } from './notification-queues';
import { NotificationRecords } from './notification-records';
import { DevMailsController } from './staff/dev-mails.controller';
import { MailPreviewController } from './staff/mail-preview.controller';
import { MailPreviews } from './staff/mail-previews';
import { MailProfilesController } from './staff/mail-profiles.controller';
import { NotificationFailuresController } from './staff/notification-failures.controller';

/**
 * Citizen notifications, api side: the citizen's status page and public endpoints, previews,
 * failures and profiles for staff, the dev mail page. The processors are in
 * NotificationsWorkerModule; the mail sink is shared so the dev page sees what the worker caught.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOTIFICATION_ENTITIES),
    BullModule.registerQueue({ name: MAIL_DELIVERY_QUEUE }),
    TicketsModule,
    MunicipalitiesModule,
    NotificationPrivacyModule,
    ForwardRecordsModule,
  ],
  controllers: [
    PublicTicketsController,
    StatusPageController,
    PartyPageController,
    NotificationFailuresController,
    MailPreviewController,
    MailProfilesController,
    DevMailsController,
  ],
  providers: [
    CitizenAccessTokens,
    CitizenTickets,
    FeedbackRecords,
    MailDeliveryQueue,
    MailPreviews,
    MailProfiles,
    MailSink,
    NotificationRecords,
  ],
  exports: [
    CitizenAccessTokens,
    FeedbackRecords,
    MailDeliveryQueue,
    MailProfiles,
    MailSink,
    NotificationRecords,
  ],
})
export class NotificationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The status page's plain HTML forms post url-encoded bodies; the rest of the API takes JSON only.
    consumer
      .apply(urlencoded({ extended: false, limit: '64kb' }))
      .forRoutes(StatusPageController, PartyPageController);
  }
}
