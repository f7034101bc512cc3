import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { SlaModule } from '@meldpunt/sla';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketRepository } from './ticket.repository';
import { TicketsController } from './tickets.controller';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { ReportsController } from './sla/reports.controller';
import { SlaReportService } from './sla/sla-report.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([TicketEntity, TicketEventEntity, IdempotencyKeyEntity]),
    IdentityModule,
    MunicipalitiesModule,
    SlaModule,
  ],
  controllers: [TicketsController, ReportsController],
  providers: [
    TicketRepository,
    TicketIntakeService,
    TicketWorkflowService,
    TicketQueryService,
    TicketSlaClock,
    SlaReportService,
  ],
  exports: [TicketQueryService, TicketWorkflowService, TicketIntakeService, TicketRepository],
})
export class TicketsModule {}
