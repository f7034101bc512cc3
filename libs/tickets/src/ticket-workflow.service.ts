import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { RequestContext, UsersService } from '@meldpunt/identity';
import { categoryNotOffered, MunicipalityDirectory } from '@meldpunt/municipalities';
import { Teams } from '@meldpunt/teams';
import { MessageDto } from './dto/message.dto';
import { TransitionDto } from './dto/transition.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import {
  allowedTransitions,
  canTransition,
  isFinal,
  TicketStatus,
  transitionRequirement,
} from './ticket-lifecycle';
import { HistoryEntry, SqlExpression, TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket-record';
import type { ExternalRef } from './entities/ticket.entity';

// A person's first public message or status change stops the response clock (the SLA engine
// reads responded_at); automatic messages never run through here.
const RESPONDED = new SqlExpression('coalesce(responded_at, now())');
// Which team an id names is not a question of the caller's scope: the ticket's municipality decides.
const TEAM_LOOKUP = RequestContext.system('team lookup');
const ENDS_RESPONSE_CLOCK: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/** Status changes, messages and assignment: each one transaction with history and outbox. */
@Injectable()
export class TicketWorkflowService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly users: UsersService,
    private readonly directory: MunicipalityDirectory,
    private readonly slaClock: TicketSlaClock,
    private readonly teams: Teams,
  ) {}

  async transition(ctx: RequestContext, id: string, dto: TransitionDto): Promise<TicketRow> {
    const requirement = transitionRequirement(dto.to);
    if (requirement === 'question' && !dto.message) {
      throw new InvalidInputError([
        {
          field: 'message',
          rule: 'isNotEmpty',
          message: 'message (the question for the citizen) is required for waiting_for_citizen',
        },
      ]);
    }
    if (requirement === 'reason' && !dto.reason) {
      throw new InvalidInputError([
        {
          field: 'reason',
          rule: 'isNotEmpty',
          message: 'reason (duplicate, not_for_us or spam) is required for cancelled',
        },
      ]);
    }
    const outcome = await this.tickets.mutate(ctx, id, async (row) => {
      if (!canTransition(row.status, dto.to)) {
        throw new ConflictError(`A ticket in status ${row.status} cannot move to ${dto.to}`, {
          allowed: allowedTransitions(row.status),
        });
      }
      const set: Record<string, unknown> = {
        ...(await this.slaClock.onTransition(row, dto.to, new Date())),
        status: dto.to,
      };
      // A person's transition is a response; so is the end of the ticket by anyone (a back-office's
      // completion reaches the citizen as the resolution mail): the response clock stops there and
      // the SLA report counts it, instead of an open response clock on a resolved ticket.
      if (ctx.actor.type === 'user' || ENDS_RESPONSE_CLOCK.includes(dto.to)) set.responded_at = RESPONDED;
      if (dto.to === 'cancelled') set.cancel_reason = dto.reason;
      if (dto.to === 'resolved') set.resolved_at = new SqlExpression('now()');
      if (dto.to === 'in_progress' && row.status === 'resolved') set.resolved_at = null;
      const data: Record<string, unknown> = { from: row.status, to: dto.to };
      if (dto.message) data.message = dto.message;
      if (dto.reason) data.reason = dto.reason;
      if (row.status === 'resolved' && dto.to === 'in_progress') data.reopened = true;
      return {
        set,
        history: [{ type: HISTORY.statusChanged, data }],
        outboxType: () => TICKET_EVENTS.statusChanged,
        // The reporters of the duplicates merged into this ticket hear of its resolution too.
        ...(dto.to === 'resolved'
          ? {
              toMerged: {
                entry: {
                  type: HISTORY.mergeResolved,
                  data: { into: row.reference, ...(dto.message ? { message: dto.message } : {}) },
                },
                outboxType: TICKET_EVENTS.mergeResolved,
              },
            }
          : {}),
        result: null,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return outcome.row;
  }

  async addMessage(
    ctx: RequestContext,
    id: string,
    dto: MessageDto,
  ): Promise<{ ticket: TicketRow; message: { visibility: string; body: string } }> {
    const outcome = await this.tickets.mutate(ctx, id, (row) => {
      if (dto.visibility === 'public' && isFinal(row.status)) {
        throw new ConflictError(`A ${row.status} ticket takes no more public messages`, {
          allowed: ['internal'],
        });
      }
      const set: Record<string, unknown> = {};
      if (dto.visibility === 'public' && ctx.actor.type === 'user') set.responded_at = RESPONDED;
      const type = dto.visibility === 'public' ? HISTORY.messagePublic : HISTORY.messageInternal;
      return {
        set,
        history: [{ type, data: { body: dto.body } }],
        outboxType: () => TICKET_EVENTS.messageAdded,
        result: null,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return { ticket: outcome.row, message: { visibility: dto.visibility, body: dto.body } };
  }

  /**
   * Records the ticket's case in a back-office (`externalRefs`), once per system and case: the
   * sync engine may call this again after a crash and nothing changes. Silent (no outbox event):
   * nothing reacts to it, and at a hundred tickets a second the SLA and console consumers would
   * only re-read tickets that did not change for them.
   */
  async linkExternalCase(ctx: RequestContext, id: string, ref: ExternalRef): Promise<void> {
    const linked = await this.tickets.linkExternalCase(ctx, id, ref, HISTORY.backOfficeLinked);
    if (linked === null) throw new NotFoundError('Ticket', id);
  }

  /**
   * The case in the former municipality's back-office is no longer the ticket's (it moved to
   * another municipality): history only, the case itself got a note saying where the ticket went.
   */
  async recordCaseReleased(ctx: RequestContext, id: string, data: Record<string, unknown>): Promise<void> {
    await this.tickets.appendHistory(ctx, id, { type: HISTORY.backOfficeReleased, data });
  }

  /** A back-office call that failed for good: history only (agents see it; nothing else reacts). */
  async recordSyncFailure(ctx: RequestContext, id: string, data: Record<string, unknown>): Promise<void> {
    await this.tickets.appendHistory(ctx, id, { type: HISTORY.backOfficeSyncFailed, data });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateTicketDto): Promise<TicketRow> {
    const assignee = dto.assigneeId ? await this.users.findActive(dto.assigneeId) : null;
    if (dto.assigneeId && !assignee) {
      throw new InvalidInputError([
        { field: 'assigneeId', rule: 'isActiveUser', message: 'assigneeId must be an active staff user' },
      ]);
    }
    if (dto.categoryCode && !(await this.directory.category(dto.categoryCode))) {
      throw new InvalidInputError([
        {
          field: 'categoryCode',
          rule: 'isKnownCategory',
          message: `categoryCode '${dto.categoryCode}' is not a category of the region`,
        },
      ]);
    }
    const team = dto.teamId ? await this.teams.get(TEAM_LOOKUP, dto.teamId) : null;
    if (dto.teamId && !team) {
      throw new InvalidInputError([
        { field: 'teamId', rule: 'isTeam', message: 'teamId must be the id of a team' },
      ]);
    }
    const outcome = await this.tickets.mutate(ctx, id, async (row) => {
      const set: Record<string, unknown> = {};
      const history: HistoryEntry[] = [];
      if (dto.teamId !== undefined && dto.teamId !== row.team_id) {
        if (team && team.municipalityCode !== row.municipality_code) {
          throw new InvalidInputError([
            {
              field: 'teamId',
              rule: 'isTeamOfMunicipality',
              message: `team '${team.name}' is not a team of ${row.municipality_code}`,
            },
          ]);
        }
        set.team_id = team?.id ?? null;
        set.team_name = team?.name ?? null;
        history.push({
          type: HISTORY.updated,
          data: { field: 'team', from: row.team_name, to: team?.name ?? null },
        });
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== row.assignee_id) {
        if (assignee && !RequestContext.forUser(assignee).canSee(row.municipality_code)) {
          throw new InvalidInputError([
            {
              field: 'assigneeId',
              rule: 'hasScope',
              message: `the assignee does not work for ${row.municipality_code}`,
            },
          ]);
        }
        set.assignee_id = assignee?.id ?? null;
        set.assignee_name = assignee?.name ?? null;
        history.push({
          type: HISTORY.assigned,
          data: { from: row.assignee_id, to: assignee?.id ?? null, name: assignee?.name ?? null },
        });
      }
      if (dto.priority && dto.priority !== row.priority) {
        set.priority = dto.priority;
        history.push({
          type: HISTORY.updated,
          data: { field: 'priority', from: row.priority, to: dto.priority },
        });
      }
      if (dto.categoryCode && dto.categoryCode !== row.category_code) {
        if (!(await this.directory.offeredCategory(row.municipality_code, dto.categoryCode))) {
          throw categoryNotOffered(dto.categoryCode, row.municipality_code);
        }
        set.category_code = dto.categoryCode;
        history.push({
          type: HISTORY.updated,
          data: { field: 'categoryCode', from: row.category_code, to: dto.categoryCode },
        });
      }
      if (set.priority !== undefined || set.category_code !== undefined) {
        const facts = {
          categoryCode: dto.categoryCode ?? row.category_code,
          priority: dto.priority ?? row.priority,
        };
        Object.assign(set, await this.slaClock.onRetarget(row, facts));
      }
      return {
        set: history.length ? set : {},
        history,
        outboxType: () => TICKET_EVENTS.updated,
        result: null,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return outcome.row;
  }
}
