export * from './ticket-lifecycle';
export * from './ticket-events';
export * from './ticket-record';
export * from './entities/ticket.entity';
export * from './entities/ticket-event.entity';
export * from './entities/idempotency-key.entity';
export * from './dto/ticket.view';
export * from './dto/create-ticket.dto';
export * from './ticket-intake.service';
export * from './ticket-workflow.service';
export * from './ticket-query.service';
export * from './tickets.module';

import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
export const TICKET_ENTITIES = [TicketEntity, TicketEventEntity, IdempotencyKeyEntity];
