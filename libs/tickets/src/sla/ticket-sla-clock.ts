import { Injectable } from '@nestjs/common';
import {
  Clock,
  type ClockName,
  MunicipalityCalendars,
  pauseClock,
  resumeClock,
  SlaPolicies,
  startClocks,
  type TicketKind,
} from '@meldpunt/sla';
import type { Priority } from '@meldpunt/municipalities';
import { SqlExpression } from '../ticket.repository';
import type { TicketRow } from '../ticket-record';
import type { TicketStatus } from '../ticket-lifecycle';

export interface IntakeSla {
  slaPolicy: string | null;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  responseWarnAt: Date | null;
  resolutionWarnAt: Date | null;
}

/**
 * The SLA clocks of tickets, kept on the ticket row (PostgreSQL is the source of truth):
 * deadlines at intake; both clocks pause while waiting for the citizen and resume with the time
 * they had left; the resolution clock stops at `resolved` and a reopened ticket resumes it. The
 * response clock stops at the first public message or transition of a person (`responded_at`).
 */
@Injectable()
export class TicketSlaClock {
  constructor(
    private readonly policies: SlaPolicies,
    private readonly calendars: MunicipalityCalendars,
  ) {}

  async atIntake(
    facts: { municipalityCode: string; categoryCode: string; priority: Priority; kind: TicketKind },
    receivedAt: Date,
  ): Promise<IntakeSla> {
    const policy = await this.policies.match(facts);
    if (!policy)
      return {
        slaPolicy: null,
        responseDueAt: null,
        resolutionDueAt: null,
        responseWarnAt: null,
        resolutionWarnAt: null,
      };
    const clocks = startClocks(await this.calendars.calendarFor(facts.municipalityCode), policy, receivedAt);
    return {
      slaPolicy: JSON.stringify(clocks.snapshot),
      responseDueAt: clocks.response.dueAt,
      resolutionDueAt: clocks.resolution.dueAt,
      responseWarnAt: clocks.response.warnAt,
      resolutionWarnAt: clocks.resolution.warnAt,
    };
  }

  /**
   * New targets when an agent changes the priority or category (a P3 call that turns out to be
   * dangerous becomes P1: its deadlines move to the 24/7 track). Running clocks are recomputed from
   * the receipt under the policy that now matches; stopped clocks keep what they had; a paused
   * ticket keeps its clocks until it resumes (documented gap: the new targets then apply only to
   * tickets that are not waiting for the citizen). A ticket sent to another municipality
   * (`municipalityCode`) gets that municipality's policy and business calendar, from the receipt:
   * the time it spent at the wrong address counts.
   */
  async onRetarget(
    row: TicketRow,
    facts: { categoryCode: string; priority: Priority; municipalityCode?: string },
  ): Promise<Record<string, unknown>> {
    if (!row.sla_policy || row.sla_paused || !['new', 'in_progress'].includes(row.status)) return {};
    const municipalityCode = facts.municipalityCode ?? row.municipality_code;
    const policy = await this.policies.match({
      municipalityCode,
      categoryCode: facts.categoryCode,
      priority: facts.priority,
      kind: row.kind,
    });
    const sameCalendar = municipalityCode === row.municipality_code;
    if (!policy || (policy.id === row.sla_policy.id && sameCalendar)) return {};
    const clocks = startClocks(await this.calendars.calendarFor(municipalityCode), policy, row.created_at);
    const set: Record<string, unknown> = {
      sla_policy: JSON.stringify(clocks.snapshot),
      sla_version: new SqlExpression('sla_version + 1'),
    };
    // Stopped clocks keep what they had; running ones restart their warning and breach.
    for (const name of CLOCKS) {
      if (row[name === 'response' ? 'responded_at' : 'resolved_at']) continue;
      Object.assign(set, columnsOf(name, clocks[name]), {
        [`${name}_warned`]: false,
        [`${name}_breached`]: false,
      });
    }
    return set;
  }

  /** The column changes a status change makes to the clocks (none when nothing moves). */
  async onTransition(row: TicketRow, to: TicketStatus, at: Date): Promise<Record<string, unknown>> {
    const policy = row.sla_policy;
    if (!policy) return {};
    const calendar = await this.calendars.calendarFor(row.municipality_code);
    const resume = (name: ClockName, clock: Clock) =>
      resumeClock(
        calendar,
        clock,
        policy[`${name}Target`],
        policy[`${name}TotalMs`],
        policy.warnAtPercent,
        at,
      );
    let response = clockOf(row, 'response');
    let resolution = clockOf(row, 'resolution');
    const set: Record<string, unknown> = {};
    if (to === 'waiting_for_citizen') {
      if (!row.responded_at) response = pauseClock(calendar, response, policy.responseTarget, at);
      resolution = pauseClock(calendar, resolution, policy.resolutionTarget, at);
      set.sla_paused = true;
      set.sla_paused_at = at;
    } else if (row.status === 'waiting_for_citizen') {
      response = resume('response', response);
      resolution = resume('resolution', resolution);
      set.sla_paused = false;
      set.sla_paused_at = null;
    } else if (to === 'resolved') {
      resolution = pauseClock(calendar, resolution, policy.resolutionTarget, at);
    } else if (row.status === 'resolved' && to === 'in_progress') {
      resolution = resume('resolution', resolution);
    } else {
      return {};
    }
    return {
      ...set,
      ...columnsOf('response', response),
      ...columnsOf('resolution', resolution),
      sla_version: new SqlExpression('sla_version + 1'),
    };
  }
}

const CLOCKS: readonly ClockName[] = ['response', 'resolution'];

function clockOf(row: TicketRow, name: ClockName): Clock {
  const remaining = row[`${name}_remaining_ms`];
  return {
    dueAt: row[`${name}_due_at`],
    warnAt: row[`${name}_warn_at`],
    remainingMs: remaining === null ? null : Number(remaining),
  };
}

function columnsOf(name: ClockName, clock: Clock): Record<string, unknown> {
  return {
    [`${name}_due_at`]: clock.dueAt,
    [`${name}_warn_at`]: clock.warnAt,
    [`${name}_remaining_ms`]: clock.remainingMs === null ? null : Math.round(clock.remainingMs),
  };
}
