import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, REGION_WIDE_ROLES, RequestContext, UsersService } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import type { TeamDto, TeamView } from './team.dto';

const OPEN_STATUSES = ['new', 'in_progress', 'waiting_for_citizen'];

/**
 * The teams of each municipality and who is in them. Kept by admins and by the municipality's
 * supervisors; every agent of the municipality reads them (to assign a ticket to a team).
 */
@Injectable()
export class Teams {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: MunicipalityDirectory,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  async list(ctx: RequestContext, municipalityCode: string): Promise<TeamView[]> {
    await this.checkMunicipality(ctx, municipalityCode);
    return this.views('t.municipality_code = $1', [municipalityCode]);
  }

  /** Who may be in the municipality's teams: active staff users who work for it (region-wide ones too). */
  async candidates(ctx: RequestContext, municipalityCode: string): Promise<{ id: string; name: string }[]> {
    await this.checkMunicipality(ctx, municipalityCode);
    return this.dataSource.query(
      `SELECT id, name FROM staff_user
        WHERE active AND (roles && $2::text[] OR $1 = ANY(municipalities)
              OR ('supervisor' = ANY(roles) AND cardinality(municipalities) = 0))
        ORDER BY name, id`,
      [municipalityCode, REGION_WIDE_ROLES],
    );
  }

  /** A team by id if the caller works for its municipality (null otherwise, as for a missing one). */
  async get(ctx: RequestContext, id: string): Promise<TeamView | null> {
    if (!isUuid(id)) return null;
    const [team] = await this.views('t.id = $1', [id]);
    return team && ctx.canSee(team.municipalityCode) ? team : null;
  }

  async create(ctx: RequestContext, municipalityCode: string, dto: TeamDto): Promise<TeamView> {
    await this.checkMunicipality(ctx, municipalityCode);
    const members = await this.checkMembers(municipalityCode, dto.memberIds ?? []);
    const categories = await this.checkCategories(municipalityCode, dto.categoryCodes ?? []);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      await this.checkNameFree(tx, municipalityCode, dto.name, null);
      await tx.query('INSERT INTO team (id, municipality_code, name, email) VALUES ($1, $2, $3, $4)', [
        id,
        municipalityCode,
        dto.name.trim(),
        dto.email ?? null,
      ]);
      await setMembers(tx, id, members);
      await setCategories(tx, id, municipalityCode, categories);
    });
    await this.audit.record(ctx, {
      action: 'team.create',
      municipalityCodes: [municipalityCode],
      details: { teamId: id, members: members.length },
    });
    return (await this.get(ctx, id))!;
  }

  /** Replaces name, mailbox and (when given) the members of a team. */
  async update(ctx: RequestContext, id: string, dto: TeamDto): Promise<TeamView> {
    const team = await this.forChange(ctx, id);
    const members =
      dto.memberIds === undefined ? null : await this.checkMembers(team.municipalityCode, dto.memberIds);
    const categories =
      dto.categoryCodes === undefined
        ? null
        : await this.checkCategories(team.municipalityCode, dto.categoryCodes);
    await this.dataSource.transaction(async (tx) => {
      await this.checkNameFree(tx, team.municipalityCode, dto.name, id);
      await tx.query('UPDATE team SET name = $2, email = $3, updated_at = now() WHERE id = $1', [
        id,
        dto.name.trim(),
        dto.email === undefined ? team.email : dto.email,
      ]);
      // The name shown on tickets follows the team's name.
      await tx.query('UPDATE ticket SET team_name = $2 WHERE team_id = $1 AND team_name <> $2', [
        id,
        dto.name.trim(),
      ]);
      if (members) await setMembers(tx, id, members);
      if (categories) await setCategories(tx, id, team.municipalityCode, categories);
    });
    await this.audit.record(ctx, {
      action: 'team.update',
      municipalityCodes: [team.municipalityCode],
      details: { teamId: id, members: members?.length ?? null },
    });
    return (await this.get(ctx, id))!;
  }

  /** Removes a team no open ticket is with (409 otherwise: move those tickets first). */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const team = await this.forChange(ctx, id);
    await this.dataSource.transaction(async (tx) => {
      const [{ open }] = await tx.query<{ open: number }[]>(
        'SELECT count(*)::int AS open FROM ticket WHERE team_id = $1 AND status = ANY($2::text[])',
        [id, OPEN_STATUSES],
      );
      if (open > 0) {
        throw new ConflictError(`${open} open ticket(s) are with this team: assign them elsewhere first`);
      }
      await tx.query('UPDATE ticket SET team_id = NULL WHERE team_id = $1', [id]);
      await tx.query('DELETE FROM team_member WHERE team_id = $1', [id]);
      await tx.query('DELETE FROM team_category WHERE team_id = $1', [id]);
      await tx.query('DELETE FROM team WHERE id = $1', [id]);
    });
    await this.audit.record(ctx, {
      action: 'team.delete',
      municipalityCodes: [team.municipalityCode],
      details: { teamId: id },
    });
  }

  private async forChange(ctx: RequestContext, id: string): Promise<TeamView> {
    const team = await this.get(ctx, id);
    if (!team) throw new NotFoundError('Team', id);
    return team;
  }

  private async checkMunicipality(ctx: RequestContext, municipalityCode: string): Promise<void> {
    if (!ctx.canSee(municipalityCode)) {
      throw new ForbiddenError(
        `Municipality '${municipalityCode}' is outside the municipalities you work for`,
      );
    }
    if (!(await this.directory.municipality(municipalityCode))) {
      throw new NotFoundError('Municipality', municipalityCode);
    }
  }

  /** Each member must be an active staff user who works for the municipality. */
  private async checkMembers(municipalityCode: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.users.findActive(id)));
    const errors = unique.flatMap((id, i) => {
      const user = found[i];
      if (!user)
        return [{ field: 'memberIds', rule: 'isActiveUser', message: `${id} is not an active staff user` }];
      if (!RequestContext.forUser(user).canSee(municipalityCode)) {
        return [
          {
            field: 'memberIds',
            rule: 'hasScope',
            message: `${user.name} does not work for ${municipalityCode}`,
          },
        ];
      }
      return [];
    });
    if (errors.length) throw new InvalidInputError(errors);
    return unique;
  }

  /** Each category must be one the municipality offers. */
  private async checkCategories(municipalityCode: string, codes: string[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    const offered = await Promise.all(unique.map((c) => this.directory.offeredCategory(municipalityCode, c)));
    const errors = unique.flatMap((code, i) =>
      offered[i]
        ? []
        : [
            {
              field: 'categoryCodes',
              rule: 'isOfferedByMunicipality',
              message: `${municipalityCode} does not offer the category '${code}'`,
            },
          ],
    );
    if (errors.length) throw new InvalidInputError(errors);
    return unique;
  }

  private async checkNameFree(
    tx: EntityManager,
    municipalityCode: string,
    name: string,
    except: string | null,
  ): Promise<void> {
    const taken = await tx.query<unknown[]>(
      'SELECT 1 FROM team WHERE municipality_code = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)',
      [municipalityCode, name.trim(), except],
    );
    if (taken.length)
      throw new ConflictError(`${municipalityCode} has a team named '${name.trim()}' already`);
  }

  private views(where: string, params: unknown[]): Promise<TeamView[]> {
    return this.dataSource.query<TeamView[]>(
      `SELECT t.id, t.municipality_code AS "municipalityCode", t.name, t.email,
              coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                       FILTER (WHERE u.id IS NOT NULL), '[]') AS members,
              array(SELECT c.category_code FROM team_category c WHERE c.team_id = t.id ORDER BY c.category_code)
                AS "categoryCodes"
         FROM team t
         LEFT JOIN team_member m ON m.team_id = t.id
         LEFT JOIN staff_user u ON u.id = m.user_id AND u.active
        WHERE ${where}
        GROUP BY t.id ORDER BY t.name`,
      params,
    );
  }
}

async function setMembers(tx: EntityManager, teamId: string, userIds: string[]): Promise<void> {
  await tx.query('DELETE FROM team_member WHERE team_id = $1', [teamId]);
  if (userIds.length) {
    await tx.query('INSERT INTO team_member (team_id, user_id) SELECT $1, unnest($2::uuid[])', [
      teamId,
      userIds,
    ]);
  }
}

/**
 * Routes the categories to the team. A category another team of the municipality has is refused
 * (409): which team gets a new ticket must never be a guess.
 */
async function setCategories(
  tx: EntityManager,
  teamId: string,
  municipalityCode: string,
  categoryCodes: string[],
): Promise<void> {
  const taken = await tx.query<{ category_code: string; name: string }[]>(
    `SELECT c.category_code, t.name FROM team_category c JOIN team t ON t.id = c.team_id
      WHERE c.municipality_code = $1 AND c.category_code = ANY($2::text[]) AND c.team_id <> $3`,
    [municipalityCode, categoryCodes, teamId],
  );
  if (taken.length) {
    throw new ConflictError(
      taken.map((c) => `category '${c.category_code}' goes to team '${c.name}' already`).join('; '),
    );
  }
  await tx.query('DELETE FROM team_category WHERE team_id = $1', [teamId]);
  if (categoryCodes.length) {
    await tx.query(
      `INSERT INTO team_category (municipality_code, category_code, team_id)
       SELECT $1, unnest($2::text[]), $3`,
      [municipalityCode, categoryCodes, teamId],
    );
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
