import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  type FieldError,
} from '@meldpunt/api-errors';
import { AuditLog, type RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '../municipality-directory';
import type { CategoryChoiceDto } from './category-choice.dto';
import type { OfferedCategory } from './offered-categories';

/** One category on a municipality's settings page: how it is offered and where it is filed. */
export interface CategorySetting extends OfferedCategory {
  /** The back-office fields of this category (the connection's categoryMap entry), if any. */
  backOffice: Record<string, string> | null;
}

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_FIELD = 200;

/**
 * What each municipality makes of the categories: regional ones turned off or renamed, its own
 * added, each mapped to its back-office. Kept by admins and by supervisors of the municipality.
 */
@Injectable()
export class CategoryChoices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: MunicipalityDirectory,
    private readonly audit: AuditLog,
  ) {}

  async list(ctx: RequestContext, municipalityCode: string): Promise<CategorySetting[]> {
    const categoryMap = await this.categoryMap(ctx, municipalityCode);
    return (await this.directory.categoriesOf(municipalityCode)).map((c) => ({
      ...c,
      backOffice: categoryMap[c.code] ?? null,
    }));
  }

  /** Sets a municipality's choice for a category; creates the category when the code is new. */
  async choose(
    ctx: RequestContext,
    municipalityCode: string,
    categoryCode: string,
    dto: CategoryChoiceDto,
  ): Promise<{ created: boolean; setting: CategorySetting }> {
    await this.categoryMap(ctx, municipalityCode);
    checkCode(categoryCode);
    const errors = backOfficeErrors(dto.backOffice);
    if (errors.length) throw new InvalidInputError(errors);
    const existing = await this.directory.category(categoryCode);
    if (existing && existing.municipalityCode !== null && existing.municipalityCode !== municipalityCode) {
      throw new ConflictError(
        `category code '${categoryCode}' is taken by another municipality's category; choose another code`,
      );
    }
    await this.dataSource.transaction(async (tx) => {
      if (!existing) await insertOwn(tx, municipalityCode, categoryCode, dto);
      else if (existing.municipalityCode === null)
        await chooseRegional(tx, municipalityCode, categoryCode, dto);
      else await updateOwn(tx, categoryCode, dto);
      if (dto.backOffice !== undefined) {
        await mapToBackOffice(tx, municipalityCode, categoryCode, dto.backOffice);
      }
    });
    this.directory.invalidate();
    await this.audit.record(ctx, {
      action: existing ? 'category.configure' : 'category.add',
      municipalityCodes: [municipalityCode],
      details: { categoryCode, fields: Object.keys(dto) },
    });
    const setting = (await this.list(ctx, municipalityCode)).find((c) => c.code === categoryCode)!;
    return { created: !existing, setting };
  }

  /**
   * Back to the regional default for a regional category. The municipality's own is removed when
   * nothing uses it; one that tickets use can only be turned off, so that reports keep its name.
   */
  async reset(ctx: RequestContext, municipalityCode: string, categoryCode: string): Promise<void> {
    await this.categoryMap(ctx, municipalityCode);
    const existing = await this.directory.category(categoryCode);
    if (!existing || (existing.municipalityCode ?? municipalityCode) !== municipalityCode) {
      throw new NotFoundError('Category', categoryCode);
    }
    await this.dataSource.transaction(async (tx) => {
      if (existing.municipalityCode === null) {
        await tx.query(
          'DELETE FROM municipality_category WHERE municipality_code = $1 AND category_code = $2',
          [municipalityCode, categoryCode],
        );
        return;
      }
      const [{ used }] = await tx.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM ticket WHERE category_code = $1)
             OR EXISTS (SELECT 1 FROM sla_policy WHERE category_code = $1)
             OR EXISTS (SELECT 1 FROM standard_answer WHERE category_code = $1) AS used`,
        [categoryCode],
      );
      if (used) {
        throw new ConflictError(
          `category '${categoryCode}' is used by tickets, SLA policies or standard answers; turn it off instead (enabled: false)`,
        );
      }
      await tx.query('DELETE FROM category WHERE code = $1', [categoryCode]);
      await mapToBackOffice(tx, municipalityCode, categoryCode, null);
    });
    this.directory.invalidate();
    await this.audit.record(ctx, {
      action: 'category.reset',
      municipalityCodes: [municipalityCode],
      details: { categoryCode },
    });
  }

  /** The municipality's categoryMap, after checking the caller may keep its categories. */
  private async categoryMap(
    ctx: RequestContext,
    municipalityCode: string,
  ): Promise<Record<string, Record<string, string>>> {
    if (!ctx.canSee(municipalityCode)) {
      throw new ForbiddenError(
        `Municipality '${municipalityCode}' is outside the municipalities you work for`,
      );
    }
    const municipality = await this.directory.municipality(municipalityCode);
    if (!municipality) throw new NotFoundError('Municipality', municipalityCode);
    return municipality.backOffice.categoryMap ?? {};
  }
}

function checkCode(code: string): void {
  if (code.length > 60 || code.length < 2 || !CODE.test(code)) {
    throw new InvalidInputError([
      {
        field: 'categoryCode',
        rule: 'isCategoryCode',
        message:
          'categoryCode must be 2 to 60 lowercase letters, digits and single hyphens, e.g. parking-permits',
      },
    ]);
  }
}

function backOfficeErrors(map: Record<string, unknown> | null | undefined): FieldError[] {
  return Object.entries(map ?? {})
    .filter(([, v]) => typeof v !== 'string' || v.length > MAX_FIELD)
    .map(([key]) => ({
      field: `backOffice.${key}`,
      rule: 'isString',
      message: `backOffice.${key} must be a string of at most ${MAX_FIELD} characters`,
    }));
}

async function insertOwn(tx: EntityManager, municipalityCode: string, code: string, dto: CategoryChoiceDto) {
  const missing: FieldError[] = [];
  if (!dto.name) {
    missing.push({
      field: 'name',
      rule: 'isDefined',
      message: 'name { nl, fr, en } is required for a new category',
    });
  }
  if (!dto.kinds) {
    missing.push({ field: 'kinds', rule: 'isDefined', message: 'kinds is required for a new category' });
  }
  if (missing.length) throw new InvalidInputError(missing);
  await tx.query(
    `INSERT INTO category (code, municipality_code, name, kinds, default_priority, active, sort_order)
     VALUES ($1, $2::text, $3, $4, $5, $6,
       (SELECT coalesce(max(sort_order), 0) + 10 FROM category WHERE municipality_code = $2::text))`,
    [
      code,
      municipalityCode,
      JSON.stringify(names(dto.name!)),
      dto.kinds,
      dto.defaultPriority ?? 'P3',
      dto.enabled ?? true,
    ],
  );
}

async function chooseRegional(
  tx: EntityManager,
  municipalityCode: string,
  code: string,
  dto: CategoryChoiceDto,
) {
  const regionOnly = (['kinds', 'defaultPriority'] as const).filter((f) => dto[f] !== undefined);
  if (regionOnly.length) {
    throw new InvalidInputError(
      regionOnly.map((field) => ({
        field,
        rule: 'isOwnCategory',
        message: `${field} of regional category '${code}' is set by the region; a municipality can turn it off, rename it or map it`,
      })),
    );
  }
  if (dto.enabled === undefined && dto.name === undefined) return;
  await tx.query(
    `INSERT INTO municipality_category (municipality_code, category_code, enabled, name)
     VALUES ($1, $2, coalesce($3, true), $4::jsonb)
     ON CONFLICT (municipality_code, category_code) DO UPDATE SET
       enabled = coalesce($3, municipality_category.enabled),
       name = CASE WHEN $5 THEN $4::jsonb ELSE municipality_category.name END,
       updated_at = now()`,
    [
      municipalityCode,
      code,
      dto.enabled ?? null,
      dto.name ? JSON.stringify(names(dto.name)) : null,
      dto.name !== undefined,
    ],
  );
}

async function updateOwn(tx: EntityManager, code: string, dto: CategoryChoiceDto) {
  if (dto.name === null) {
    throw new InvalidInputError([
      {
        field: 'name',
        rule: 'isDefined',
        message: "a municipality's own category keeps a name { nl, fr, en }",
      },
    ]);
  }
  await tx.query(
    `UPDATE category SET name = coalesce($2::jsonb, name), kinds = coalesce($3, kinds),
       default_priority = coalesce($4, default_priority), active = coalesce($5, active)
     WHERE code = $1`,
    [
      code,
      dto.name ? JSON.stringify(names(dto.name)) : null,
      dto.kinds ?? null,
      dto.defaultPriority ?? null,
      dto.enabled ?? null,
    ],
  );
}

/** Writes (with null: removes) the category's entry in the back-office connection's categoryMap. */
async function mapToBackOffice(
  tx: EntityManager,
  municipalityCode: string,
  code: string,
  fields: Record<string, string> | null,
) {
  await tx.query(
    `UPDATE municipality SET back_office = jsonb_set(back_office, '{categoryMap}',
       CASE WHEN $3::jsonb IS NULL THEN coalesce(back_office->'categoryMap', '{}'::jsonb) - $2::text
            ELSE coalesce(back_office->'categoryMap', '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb)
       END)
     WHERE code = $1`,
    [municipalityCode, code, fields && Object.keys(fields).length ? JSON.stringify(fields) : null],
  );
}

const names = (n: { nl: string; fr: string; en: string }) => ({
  nl: n.nl.trim(),
  fr: n.fr.trim(),
  en: n.en.trim(),
});
