import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { SlaModule } from '@meldpunt/sla';
import { TeamsModule } from '@meldpunt/teams';
import { TicketAttachments } from './attachments/ticket-attachments';
import { RelatedTicketsQuery } from './related-tickets';
import { TicketAttachmentsController } from './attachments/ticket-attachments.controller';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { TicketAttachmentEntity } from './entities/ticket-attachment.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
import { CitizenTicketService } from './citizen-ticket.service';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketRerouting } from './ticket-rerouting.service';
import { TicketMerging } from './ticket-merging.service';
import { TicketRepository } from './ticket.repository';
import { TicketsController } from './tickets.controller';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { TicketClaimsService } from './ticket-claims.service';
import { ReportsController } from './sla/reports.controller';
import { SlaReportService } from './sla/sla-report.service';
import { TicketPersonalData } from './personal-data/ticket-personal-data';
import { TicketPersonalDataRepository } from './personal-data/ticket-personal-data.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([TicketEntity, TicketEventEntity, IdempotencyKeyEntity, TicketAttachmentEntity]),
    IdentityModule,
    MunicipalitiesModule,
    SlaModule,
    TeamsModule,
  ],
  controllers: [TicketsController, TicketAttachmentsController, ReportsController],
  providers: [
    TicketRepository,
    TicketIntakeService,
    TicketWorkflowService,
    TicketRerouting,
    TicketMerging,
    TicketQueryService,
    TicketSlaClock,
    SlaReportService,
    TicketClaimsService,
    CitizenTicketService,
    TicketPersonalDataRepository,
    TicketPersonalData,
    TicketAttachments,
    RelatedTicketsQuery,
  ],
  exports: [
    TicketAttachments,
    TicketPersonalData,
    TicketQueryService,
    TicketWorkflowService,
    TicketIntakeService,
    TicketRepository,
    CitizenTicketService,
    TicketClaimsService,
  ],
})
export class TicketsModule {}
