import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError, type FieldError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { MailProfiles } from '@meldpunt/notifications';
import { TicketQueryService } from '@meldpunt/tickets';
import { fillPlaceholders, unknownPlaceholders } from './answer-placeholders';
import type { StandardAnswerDto } from './standard-answer.dto';
import type { AnswerTexts, StandardAnswerEntity } from './standard-answer.entity';

type Language = keyof AnswerTexts;
const LANGUAGES: Language[] = ['nl', 'fr', 'en'];
const COLUMNS = `id, municipality_code AS "municipalityCode", category_code AS "categoryCode", status, title, body,
  updated_by AS "updatedBy", updated_at AS "updatedAt"`;
// "Beste melder": who wrote without giving a name.
const NO_NAME = { name: { nl: 'melder', fr: 'Madame, Monsieur', en: 'Sir or Madam' } };

export interface AnswerForTicket {
  id: string;
  title: string;
  language: Language;
  /** The body in the ticket's language with its values filled in: ready for the reply box. */
  text: string;
}

/**
 * The standard answers: kept by admins (any) and supervisors (their municipalities'), offered to
 * agents on a ticket when they fit its municipality, category and status.
 */
@Injectable()
export class StandardAnswers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: MunicipalityDirectory,
    private readonly profiles: MailProfiles,
    private readonly tickets: TicketQueryService,
  ) {}

  async list(ctx: RequestContext): Promise<StandardAnswerEntity[]> {
    return this.dataSource.query<StandardAnswerEntity[]>(
      `SELECT ${COLUMNS} FROM standard_answer
        WHERE municipality_code IS NULL OR $1::text[] IS NULL OR municipality_code = ANY($1::text[])
        ORDER BY municipality_code NULLS FIRST, category_code NULLS FIRST, title`,
      [ctx.scope === 'all' ? null : [...ctx.scope]],
    );
  }

  async create(ctx: RequestContext, dto: StandardAnswerDto): Promise<StandardAnswerEntity> {
    await this.check(ctx, dto);
    const [row] = await this.dataSource.query<StandardAnswerEntity[]>(
      `INSERT INTO standard_answer (id, municipality_code, category_code, status, title, body, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [randomUUID(), ...this.values(ctx, dto)],
    );
    return row;
  }

  async update(ctx: RequestContext, id: string, dto: StandardAnswerDto): Promise<StandardAnswerEntity> {
    await this.mine(ctx, id);
    await this.check(ctx, dto);
    const [rows] = await this.dataSource.query<[StandardAnswerEntity[], number]>(
      `UPDATE standard_answer SET municipality_code = $2, category_code = $3, status = $4, title = $5, body = $6,
         updated_by = $7, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...this.values(ctx, dto)],
    );
    return rows[0];
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.mine(ctx, id);
    await this.dataSource.query('DELETE FROM standard_answer WHERE id = $1', [id]);
  }

  /** The answers that fit the ticket, most specific first, in its reporter's language (or `language`). */
  async forTicket(
    ctx: RequestContext,
    ticketIdOrReference: string,
    language?: Language,
  ): Promise<AnswerForTicket[]> {
    const ticket = await this.tickets.get(ctx, ticketIdOrReference);
    const profile = await this.profiles.for(ticket.municipalityCode);
    const lang: Language =
      language ??
      LANGUAGES.find((l) => l === ticket.reporter?.language) ??
      LANGUAGES.find((l) => profile.languages[0] === l) ??
      'nl';
    const rows = await this.dataSource.query<StandardAnswerEntity[]>(
      `SELECT ${COLUMNS} FROM standard_answer
        WHERE (municipality_code IS NULL OR municipality_code = $1)
          AND (category_code IS NULL OR category_code = $2)
          AND (status IS NULL OR status = $3)
        ORDER BY (municipality_code IS NOT NULL)::int + (category_code IS NOT NULL)::int + (status IS NOT NULL)::int DESC, title`,
      [ticket.municipalityCode, ticket.categoryCode, ticket.status],
    );
    const values = {
      reference: ticket.reference,
      name: ticket.reporter?.name ?? null,
      category: await this.directory.categoryName(ticket.municipalityCode, ticket.categoryCode, lang),
      municipality: profile.displayName[lang],
      address: ticket.location?.address ?? null,
    };
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      language: lang,
      text: fillPlaceholders(r.body[lang], values, { name: NO_NAME.name[lang] }),
    }));
  }

  private values(ctx: RequestContext, dto: StandardAnswerDto): unknown[] {
    return [
      dto.municipalityCode ?? null,
      dto.categoryCode ?? null,
      dto.status ?? null,
      dto.title.trim(),
      JSON.stringify({ nl: dto.body.nl, fr: dto.body.fr, en: dto.body.en }),
      ctx.actor.id,
    ];
  }

  /** Whose answer this is decides who may change it: a regional one only region-wide staff. */
  private async mine(ctx: RequestContext, id: string): Promise<StandardAnswerEntity> {
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query<StandardAnswerEntity[]>(
          `SELECT ${COLUMNS} FROM standard_answer WHERE id = $1`,
          [id],
        )
      : [];
    if (!row || (row.municipalityCode && !ctx.canSee(row.municipalityCode)))
      throw new NotFoundError('Standard answer', id);
    if (!row.municipalityCode && ctx.scope !== 'all') {
      throw new ForbiddenError('A standard answer for the whole region is changed by region-wide staff only');
    }
    return row;
  }

  private async check(ctx: RequestContext, dto: StandardAnswerDto): Promise<void> {
    const code = dto.municipalityCode ?? null;
    if (code === null && ctx.scope !== 'all') {
      throw new ForbiddenError(
        'A standard answer for the whole region is made by region-wide staff only; give municipalityCode',
      );
    }
    if (code !== null && !ctx.canSee(code))
      throw new ForbiddenError(`Municipality '${code}' is outside the municipalities you work for`);
    const errors: FieldError[] = [];
    if (code !== null && !(await this.directory.municipality(code))) {
      errors.push({
        field: 'municipalityCode',
        rule: 'isKnownMunicipality',
        message: `municipalityCode '${code}' is not one of the region`,
      });
    }
    if (dto.categoryCode && !(await this.directory.category(dto.categoryCode))) {
      errors.push({
        field: 'categoryCode',
        rule: 'isKnownCategory',
        message: `categoryCode '${dto.categoryCode}' is not a category of the region`,
      });
    }
    for (const lang of LANGUAGES) {
      const unknown = unknownPlaceholders(dto.body[lang]);
      if (unknown.length) {
        errors.push({
          field: `body.${lang}`,
          rule: 'knownPlaceholders',
          message: `body.${lang} uses unknown placeholders ${unknown.map((u) => `{${u}}`).join(', ')} (known: {reference} {name} {category} {municipality} {address})`,
        });
      }
    }
    if (errors.length) throw new InvalidInputError(errors);
  }
}
