import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, InvalidInputError, UnprocessableError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { categoryNotOffered, MunicipalityDirectory, routeToMunicipality } from '@meldpunt/municipalities';
import type { NewAttachment } from './attachments/attachment-rules';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { parsePhone } from './dto/is-phone-number';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { initialPriority } from './ticket-priority';
import { NewTicket, TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket-record';

export interface IntakeResult {
  row: TicketRow;
  /** True when an Idempotency-Key replay returned an existing ticket. */
  replayed: boolean;
}

/** Turns a validated intake request into a ticket: category, routing, priority, idempotency. */
@Injectable()
export class TicketIntakeService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly directory: MunicipalityDirectory,
    private readonly slaClock: TicketSlaClock,
  ) {}

  async create(
    ctx: RequestContext,
    dto: CreateTicketDto,
    rawBody: unknown,
    idempotencyKey?: string,
    attachments: NewAttachment[] = [],
  ): Promise<IntakeResult> {
    const ticket = await this.prepare(ctx, dto);
    if (!idempotencyKey) {
      return {
        row: (await this.tickets.insert(ticket, ctx.actor, undefined, attachments))!,
        replayed: false,
      };
    }
    const claim = { owner: ctx.actor.id ?? ctx.actor.type, key: idempotencyKey, bodyHash: hashBody(rawBody) };
    // Two attempts: a concurrent request with the same key may win the insert between our steps.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.tickets.findIdempotencyKey(claim.owner, claim.key);
      if (existing) {
        if (existing.bodyHash !== claim.bodyHash) {
          throw new ConflictError('This Idempotency-Key was already used with another request body');
        }
        const row = await this.tickets.findVisible(ctx, existing.ticketId);
        if (row) return { row, replayed: true };
      }
      const row = await this.tickets.insert(ticket, ctx.actor, claim, attachments);
      if (row) return { row, replayed: false };
    }
    throw new ConflictError(
      'This Idempotency-Key is in use by a request that has not finished; retry shortly',
    );
  }

  private async prepare(ctx: RequestContext, dto: CreateTicketDto): Promise<NewTicket> {
    const category = await this.directory.category(dto.categoryCode);
    if (!category || !category.active) {
      throw new InvalidInputError([
        {
          field: 'categoryCode',
          rule: 'isKnownCategory',
          message: `categoryCode '${dto.categoryCode}' is not a category of the region`,
        },
      ]);
    }
    if (!category.kinds.includes(dto.kind)) {
      throw new InvalidInputError([
        {
          field: 'kind',
          rule: 'isAllowedForCategory',
          message: `kind '${dto.kind}' is not allowed for category '${category.code}' (allowed: ${category.kinds.join(', ')})`,
        },
      ]);
    }
    const route = routeToMunicipality(
      {
        municipalityCode: dto.municipalityCode,
        postcode: dto.location?.postcode,
        lat: dto.location?.lat,
        lon: dto.location?.lon,
        address: dto.location?.address,
      },
      await this.directory.allMunicipalities(),
    );
    if (route.code === null) {
      throw new UnprocessableError(route.reason, [
        { field: route.field, rule: 'isRoutable', message: route.reason },
      ]);
    }
    if (!ctx.canSee(route.code)) {
      throw new ForbiddenError(`Municipality '${route.code}' is outside the municipalities you work for`);
    }
    if (!(await this.directory.offeredCategory(route.code, category.code))) {
      throw categoryNotOffered(category.code, route.code);
    }
    const description = dto.description.trim();
    const priority = initialPriority({
      requested: dto.priority,
      categoryDefault: category.defaultPriority,
      urgent: dto.urgent,
      kind: dto.kind,
    });
    const receivedAt = new Date();
    return {
      id: randomUUID(),
      kind: dto.kind,
      channel: dto.channel,
      categoryCode: category.code,
      subject: dto.subject?.trim() || summarise(description),
      description,
      municipalityCode: route.code,
      locationAddress: dto.location?.address?.trim() || null,
      locationPostcode: dto.location?.postcode ?? null,
      locationLat: dto.location?.lat ?? null,
      locationLon: dto.location?.lon ?? null,
      reporterName: dto.reporter?.name?.trim() || null,
      reporterEmail: dto.reporter?.email?.toLowerCase() ?? null,
      reporterPhone: dto.reporter?.phone ? parsePhone(dto.reporter.phone) : null,
      reporterLanguage: dto.reporter?.language ?? null,
      reporterConsent: dto.reporter?.consent === true,
      priority,
      receivedAt,
      sla: await this.slaClock.atIntake(
        { municipalityCode: route.code, categoryCode: category.code, priority, kind: dto.kind },
        receivedAt,
      ),
    };
  }
}

/** A subject from the first line of the description, cut at a word boundary. */
export function summarise(description: string, max = 100): string {
  const line = description.split('\n')[0].trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** SHA-256 of the body with keys sorted, so key order does not make two bodies differ. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
