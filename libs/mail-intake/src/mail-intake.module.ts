import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { NotificationsModule } from '@meldpunt/notifications';
import { TicketsModule } from '@meldpunt/tickets';
import { InboundMailboxes } from './inbound-mailboxes';
import { InboundMailService } from './inbound-mail.service';
import { InboundSmtpServer } from './inbound-smtp.server';
import { MailThreads } from './mail-threads';

/** Citizens' e-mails to the municipalities' mailboxes, through an inbound SMTP endpoint. */
@Module({
  imports: [MunicipalitiesModule, NotificationsModule, TicketsModule],
  providers: [InboundMailboxes, InboundMailService, InboundSmtpServer, MailThreads],
  exports: [InboundSmtpServer],
})
export class MailIntakeModule {}
