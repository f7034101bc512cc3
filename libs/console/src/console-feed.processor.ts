import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { OutboxBatch, outboxEvents, type OutboxMessage } from '@meldpunt/outbox';
import { TicketQueryService } from '@meldpunt/tickets';
import { CONSOLE_QUEUE, consoleEventFor } from './console-events';
import { ConsoleGateway } from './console.gateway';

const SYSTEM = RequestContext.system('console');

/**
 * Relays committed ticket changes to the consoles. It runs in the api processes (where the
 * sockets are); one instance takes each job and the Redis adapter delivers it to the sockets of
 * every instance. A job carries a run of events; the tickets they concern are read once each and
 * side by side, and the events of one ticket go out in the order this instance took them (commit
 * order), also across jobs. Each event carries the ticket as it is now, with its version, and the
 * console keeps the newest version it has seen, so an event of the same ticket relayed by another
 * instance a moment earlier or later changes nothing it should not.
 */
@Processor(CONSOLE_QUEUE, { concurrency: 4 })
export class ConsoleFeedProcessor extends WorkerHost {
  private readonly perTicket = new Map<string, Promise<void>>();

  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly tickets: TicketQueryService,
  ) {
    super();
  }

  async process(job: Job<OutboxBatch>): Promise<void> {
    const events = outboxEvents(job);
    const ids = [...new Set(events.map((e) => e.aggregateId))];
    await this.inTicketOrder(ids, () => this.relay(ids, events));
  }

  /** Runs `relay` once every earlier job of these tickets on this instance is done. */
  private async inTicketOrder(ids: string[], relay: () => Promise<void>): Promise<void> {
    const previous = ids.map((id) => (this.perTicket.get(id) ?? Promise.resolve()).catch(() => undefined));
    const mine = Promise.all(previous).then(relay);
    for (const id of ids) this.perTicket.set(id, mine);
    try {
      await mine;
    } finally {
      for (const id of ids) if (this.perTicket.get(id) === mine) this.perTicket.delete(id);
    }
  }

  /**
   * Reads the tickets side by side, then emits in commit order: a console shows new tickets in
   * the order they came. A ticket that cannot be read fails the job after the others went out
   * (a retry sends those again, which the console's version check makes harmless).
   */
  private async relay(ids: string[], events: OutboxMessage[]): Promise<void> {
    const reads = await Promise.allSettled(ids.map((id) => this.tickets.get(SYSTEM, id)));
    const tickets = new Map(ids.map((id, i) => [id, reads[i]]));
    for (const event of events) {
      const read = tickets.get(event.aggregateId);
      if (read?.status === 'fulfilled')
        this.gateway.emitTicketEvent(
          consoleEventFor(event.type),
          event.eventId,
          read.value,
          formerMunicipality(event),
        );
    }
    const failed = reads.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/**
 * A ticket sent to another municipality also goes, this once, to the consoles of the one it left:
 * they see it leave their queue (the console drops a ticket outside the agent's scope).
 */
function formerMunicipality(event: OutboxMessage): string | undefined {
  const from = event.payload?.fromMunicipalityCode;
  return typeof from === 'string' ? from : undefined;
}
