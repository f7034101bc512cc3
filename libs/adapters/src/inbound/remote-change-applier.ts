import { Injectable, Logger } from '@nestjs/common';
import { ConflictError } from '@meldpunt/api-errors';
import { RequestContext } from '@meldpunt/identity';
import { TicketQueryService, TicketWorkflowService, type TicketStatus } from '@meldpunt/tickets';
import type { BackOfficeConnection, RemoteChange } from '../port/back-office-adapter';
import { BACK_OFFICE_NAMES, backOfficeContext } from '../port/back-office-names';
import { noteHash } from '../sync/note-hash';
import { LinkRow, SyncTasks } from '../sync/sync-tasks';
import { inboundPath } from './inbound-path';

export type ApplyOutcome = 'unknown-case' | 'unchanged' | 'applied';

/**
 * Applies one change seen in a back-office to our ticket. Polls overlap and webhooks repeat, so it
 * is idempotent: a status already acted on, or a note already imported, changes nothing. A status
 * acted on stays acted on: if an agent reopens a ticket the back-office completed, the next poll
 * does not resolve it again; only a new status in the tool does.
 */
@Injectable()
export class RemoteChangeApplier {
  private readonly logger = new Logger(RemoteChangeApplier.name);

  constructor(
    private readonly links: SyncTasks,
    private readonly tickets: TicketQueryService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  /** `known`: the link when the caller looked it up already (null: there is none). */
  async apply(
    conn: BackOfficeConnection,
    change: RemoteChange,
    known?: LinkRow | null,
  ): Promise<ApplyOutcome> {
    const link =
      known !== undefined
        ? known
        : await this.links.linkByExternalId(conn.municipalityCode, conn.type, change.externalId);
    if (!link) return 'unknown-case';
    const ctx = backOfficeContext(conn.type, conn.municipalityCode, change.number ?? change.externalId);
    let applied = false;

    const pushed = new Set(link.pushed_note_hashes);
    const seen = new Set(link.seen_note_ids);
    const fresh = change.notes.filter((n) => !seen.has(n.id));
    for (const note of fresh) {
      // Our own notes come back from the tool: recognise them by content and do not import them.
      if (pushed.has(noteHash(note.text))) continue;
      if (change.closingText && note.text.trim() === change.closingText.trim()) continue;
      const author = note.author ? ` (${note.author})` : '';
      await this.workflow.addMessage(ctx, link.ticket_id, {
        visibility: 'internal',
        body: `${BACK_OFFICE_NAMES[conn.type]}${author}: ${note.text}`,
      });
      applied = true;
    }
    if (fresh.length) await this.links.recordRemote(link.ticket_id, { seenNoteIds: fresh.map((n) => n.id) });

    const remoteState = { remoteStatus: change.remoteStatus, status: change.status };
    const sameAsBefore =
      link.remote_state?.remoteStatus === remoteState.remoteStatus &&
      link.remote_state?.status === remoteState.status;
    // A first sight of a case in a status that maps to nothing (just reported) is not worth a write.
    const worthRecording = remoteState.status !== null || link.remote_state !== null;
    if (!sameAsBefore && worthRecording) {
      if (change.status) applied = (await this.moveTicket(ctx, link.ticket_id, change)) || applied;
      await this.links.recordRemote(link.ticket_id, { remoteState });
    }
    return applied ? 'applied' : 'unchanged';
  }

  private async moveTicket(ctx: RequestContext, ticketId: string, change: RemoteChange): Promise<boolean> {
    const ticket = await this.tickets.getForBackground(ctx, ticketId);
    if (!ticket) return false;
    const path = inboundPath(ticket.status as TicketStatus, change.status!);
    if (!path) {
      this.logger.log(`back-office status ${change.status} does not apply to a ${ticket.status} ticket`);
      return false;
    }
    for (const to of path) {
      const message = to === 'resolved' ? (change.closingText ?? undefined) : undefined;
      try {
        await this.workflow.transition(ctx, ticketId, { to, message });
      } catch (error) {
        // Someone moved the ticket meanwhile: the next poll sees where it stands.
        if (error instanceof ConflictError) return false;
        throw error;
      }
    }
    return path.length > 0;
  }
}
