import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '@meldpunt/tickets';
import { ForwardAccessTokenEntity } from './entities/forward-access-token.entity';
import { TicketForwardEntity } from './entities/ticket-forward.entity';
import { ForwardsController } from './forwards.controller';
import { TicketForwards } from './ticket-forwards';

/**
 * Forwarding to parties outside the municipality (issue 15, item 4). The e-mail to the party and
 * its answer page belong to the notifications context, which talks to everyone outside.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TicketForwardEntity, ForwardAccessTokenEntity]), TicketsModule],
  controllers: [ForwardsController],
  providers: [TicketForwards],
  exports: [TicketForwards],
})
export class ForwardsModule {}

/** The forwards without their staff API: what the worker's mail composer needs. */
@Module({
  imports: [TypeOrmModule.forFeature([TicketForwardEntity, ForwardAccessTokenEntity]), TicketsModule],
  providers: [TicketForwards],
  exports: [TicketForwards],
})
export class ForwardRecordsModule {}
