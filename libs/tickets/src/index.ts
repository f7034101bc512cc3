export * from './ticket-lifecycle';
export * from './ticket-events';
export * from './ticket-record';
export * from './entities/ticket.entity';
export * from './entities/ticket-event.entity';
export * from './entities/idempotency-key.entity';
export * from './entities/ticket-attachment.entity';
export * from './attachments/attachment-rules';
export { TicketAttachments } from './attachments/ticket-attachments';
export * from './dto/ticket.view';
export * from './dto/create-ticket.dto';
export * from './ticket-intake.service';
export * from './ticket-workflow.service';
export * from './ticket-query.service';
export * from './citizen-ticket.service';
export * from './citizen-reply-rules';
export * from './tickets.module';
export * from './personal-data/ticket-personal-data';
export * from './tickets-worker.module';
export * from './ticket-claims.service';
export { TicketSlaReconciler } from './sla/ticket-sla-reconciler';
export { SLA_TIMERS_QUEUE, SLA_EVENTS_QUEUE } from './sla/sla-timers';

import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
import { TicketAttachmentEntity } from './entities/ticket-attachment.entity';
export const TICKET_ENTITIES = [
  TicketEntity,
  TicketEventEntity,
  IdempotencyKeyEntity,
  TicketAttachmentEntity,
];
export { TicketRepository, type TicketTransaction } from './ticket.repository';
export { IsPhoneNumber, parsePhone } from './dto/is-phone-number';
