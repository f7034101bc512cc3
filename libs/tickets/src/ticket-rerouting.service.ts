import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { RequestContext, UsersService } from '@meldpunt/identity';
import { categoryNotOffered, MunicipalityDirectory } from '@meldpunt/municipalities';
import { RerouteTicketDto } from './dto/reroute.dto';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import type { TicketStatus } from './ticket-lifecycle';
import { TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket-record';

// A resolved, closed or cancelled ticket stays where it was handled.
const REROUTABLE: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_citizen'];

/**
 * Sends a ticket to another municipality of the region, in one transaction with its history and
 * outbox event: the SLA clocks restart from the receipt under the new municipality's policy and
 * calendar, an assignee or claim holder who does not work for it lets go, and the back-office sync
 * notes the move in the former municipality's case and opens one in the new municipality's tool.
 * The ticket keeps its reference and citizen link: the citizen's status page names the new
 * municipality. An agent may send a ticket to a municipality outside their own scope (a misdirected
 * report is exactly that); they no longer see it afterwards.
 */
@Injectable()
export class TicketRerouting {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly users: UsersService,
    private readonly directory: MunicipalityDirectory,
    private readonly slaClock: TicketSlaClock,
  ) {}

  async reroute(ctx: RequestContext, id: string, dto: RerouteTicketDto): Promise<TicketRow> {
    const target = await this.directory.municipality(dto.municipalityCode);
    if (!target) {
      throw new InvalidInputError([
        {
          field: 'municipalityCode',
          rule: 'isKnownMunicipality',
          message: `municipalityCode '${dto.municipalityCode}' is not a municipality of the region`,
        },
      ]);
    }
    const outcome = await this.tickets.mutate(ctx, id, async (row) => {
      if (row.municipality_code === target.code) {
        throw new InvalidInputError([
          {
            field: 'municipalityCode',
            rule: 'isOtherMunicipality',
            message: `the ticket is already with ${target.code}`,
          },
        ]);
      }
      if (!REROUTABLE.includes(row.status)) {
        throw new ConflictError(`A ${row.status} ticket stays with the municipality that handled it`, {
          allowed: REROUTABLE,
        });
      }
      const categoryCode = dto.categoryCode ?? row.category_code;
      if (!(await this.directory.offeredCategory(target.code, categoryCode))) {
        throw categoryNotOffered(categoryCode, target.code);
      }
      const set: Record<string, unknown> = {
        municipality_code: target.code,
        category_code: categoryCode,
        // Teams belong to a municipality: the new one's desk chooses its own.
        team_id: null,
        team_name: null,
        ...(await this.slaClock.onRetarget(row, {
          categoryCode,
          priority: row.priority,
          municipalityCode: target.code,
        })),
        ...(await this.lettingGo(row, target.code)),
      };
      return {
        set,
        history: [
          {
            type: HISTORY.rerouted,
            data: {
              from: row.municipality_code,
              to: target.code,
              reason: dto.reason,
              ...(categoryCode !== row.category_code
                ? { categoryFrom: row.category_code, categoryTo: categoryCode }
                : {}),
            },
          },
        ],
        outboxType: () => TICKET_EVENTS.rerouted,
        outboxFacts: { fromMunicipalityCode: row.municipality_code },
        rescopeHistory: true,
        result: null,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return outcome.row;
  }

  /** Clears the assignee and the claim of people who do not work for `municipalityCode`. */
  private async lettingGo(row: TicketRow, municipalityCode: string): Promise<Record<string, unknown>> {
    const set: Record<string, unknown> = {};
    const staysWith = async (userId: string | null) => {
      const user = userId ? await this.users.findActive(userId) : null;
      return !!user && RequestContext.forUser(user).canSee(municipalityCode);
    };
    if (row.assignee_id && !(await staysWith(row.assignee_id))) {
      Object.assign(set, { assignee_id: null, assignee_name: null });
    }
    if (row.claimed_by_id && !(await staysWith(row.claimed_by_id))) {
      Object.assign(set, { claimed_by_id: null, claimed_by_name: null });
    }
    return set;
  }
}
