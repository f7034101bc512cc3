import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, RequestContext } from '../request-context';

export interface AuditEntry {
  /** `ticket.read`, `user.update`, `gdpr.export`, ... */
  action: string;
  ticketIds?: string[];
  municipalityCodes?: string[];
  /** Identifiers and facts only, never personal data: audit rows are kept and never anonymised. */
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  ticketId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Rows with an id below this one (the previous page's nextCursor). */
  before?: string;
  limit: number;
}

export interface AuditEventView {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  ticketIds: string[];
  municipalityCodes: string[];
  details: Record<string, unknown>;
  requestId: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor: Actor;
  action: string;
  ticket_ids: string[];
  municipality_codes: string[];
  details: Record<string, unknown>;
  request_id: string | null;
}

/**
 * The audit log: who read or changed which personal data, and when. Ticket changes are recorded
 * by a database trigger on the ticket history (same transaction as the change); everything else
 * (reads, exports, account and key management, logins) through here.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_event (actor, action, ticket_ids, municipality_codes, details, request_id)
       VALUES ($1, $2, $3::uuid[], $4::text[], $5, $6)`,
      [
        JSON.stringify(auditedActor(ctx.actor)),
        entry.action,
        entry.ticketIds ?? [],
        [...new Set(entry.municipalityCodes ?? [])],
        JSON.stringify(entry.details ?? {}),
        ctx.requestId,
      ],
    );
  }

  /**
   * A read of tickets' personal data by staff or an integration. The service's own reads (workers)
   * and a citizen reading their own ticket through their link are not access to someone else's
   * data and are not recorded. Awaited by the caller: no record, no data.
   */
  async recordRead(
    ctx: RequestContext,
    action: string,
    tickets: { id: string; municipalityCode: string }[],
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (ctx.actor.type === 'system' || ctx.actor.type === 'citizen') return;
    await this.record(ctx, {
      action,
      ticketIds: tickets.map((t) => t.id),
      municipalityCodes: tickets.map((t) => t.municipalityCode),
      details,
    });
  }

  /** Newest first. */
  async query(filter: AuditFilter): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.ticketId) where.push(`ticket_ids @> ARRAY[${param(filter.ticketId)}::uuid]`);
    if (filter.actorId) where.push(`actor->>'id' = ${param(filter.actorId)}`);
    if (filter.action) where.push(`action = ${param(filter.action)}`);
    if (filter.from) where.push(`at >= ${param(filter.from)}`);
    if (filter.to) where.push(`at < ${param(filter.to)}`);
    if (filter.before) where.push(`id < ${param(filter.before)}::bigint`);
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT id, at, actor, action, ticket_ids, municipality_codes, details, request_id FROM audit_event
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        ticketIds: r.ticket_ids,
        municipalityCodes: r.municipality_codes,
        details: r.details,
        requestId: r.request_id,
      })),
      nextCursor: rows.length > filter.limit ? page[page.length - 1].id : null,
    };
  }
}

/** Citizens act under their own name in the ticket history; the audit log keeps no such names. */
export function auditedActor(actor: Actor): Actor {
  return actor.type === 'citizen' ? { type: 'citizen', id: null, name: 'citizen' } : actor;
}
