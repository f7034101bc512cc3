import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketRepository } from './ticket.repository';
import { TicketsController } from './tickets.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([TicketEntity, TicketEventEntity, IdempotencyKeyEntity]),
    IdentityModule,
    MunicipalitiesModule,
  ],
  controllers: [TicketsController],
  providers: [TicketRepository, TicketIntakeService, TicketWorkflowService, TicketQueryService],
  exports: [TicketQueryService, TicketWorkflowService, TicketIntakeService],
})
export class TicketsModule {}
