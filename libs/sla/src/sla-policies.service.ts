import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { SlaPolicyDto } from './dto/sla-policy.dto';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { DEFAULT_SLA_POLICIES } from './sla-policy-defaults';
import { matchPolicy, type SlaPolicy, type TicketSlaFacts } from './sla-policy-matching';
import { isValidTarget } from './sla-target';

const TTL_MS = 30_000;

/** The SLA policies: stored in PostgreSQL, matched from a short-lived in-process cache. */
@Injectable()
export class SlaPolicies {
  private cache: { at: number; policies: SlaPolicy[] } | null = null;

  constructor(
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
    private readonly directory: MunicipalityDirectory,
  ) {}

  async list(): Promise<SlaPolicy[]> {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      const rows = await this.policies.find({ order: { createdAt: 'ASC' } });
      this.cache = { at: Date.now(), policies: rows.map(toPolicy) };
    }
    return this.cache.policies;
  }

  async match(facts: TicketSlaFacts): Promise<SlaPolicy | null> {
    return matchPolicy(await this.list(), facts);
  }

  async create(dto: SlaPolicyDto): Promise<SlaPolicy> {
    const values = await this.validate(dto);
    await this.refuseDuplicate(values);
    const saved = await this.policies.save(this.policies.create(values));
    this.cache = null;
    return toPolicy(saved);
  }

  async update(id: string, dto: SlaPolicyDto): Promise<SlaPolicy> {
    const existing = await this.policies.findOneBy({ id });
    if (!existing) throw new NotFoundError('SLA policy', id);
    const values = await this.validate(dto);
    await this.refuseDuplicate(values, id);
    const saved = await this.policies.save({ ...existing, ...values });
    this.cache = null;
    return toPolicy(saved);
  }

  /** Inserts the region's default policies that are missing (fixed ids: never overwrites edits). */
  async seedDefaults(): Promise<number> {
    const result = await this.policies
      .createQueryBuilder()
      .insert()
      .values(DEFAULT_SLA_POLICIES.map((p) => ({ ...p, kind: p.kind ?? null })))
      .orIgnore()
      .returning(['id'])
      .execute();
    this.cache = null;
    return (result.raw as unknown[]).length;
  }

  private async validate(dto: SlaPolicyDto): Promise<Omit<SlaPolicy, 'id'>> {
    const errors = [];
    if (dto.municipalityCode && !(await this.directory.municipality(dto.municipalityCode))) {
      errors.push({
        field: 'municipalityCode',
        rule: 'isKnownMunicipality',
        message: `municipalityCode '${dto.municipalityCode}' is not a municipality of the region`,
      });
    }
    if (dto.categoryCode && !(await this.directory.category(dto.categoryCode))) {
      errors.push({
        field: 'categoryCode',
        rule: 'isKnownCategory',
        message: `categoryCode '${dto.categoryCode}' is not a category of the region`,
      });
    }
    for (const field of ['responseTarget', 'resolutionTarget'] as const) {
      if (!isValidTarget(dto[field])) {
        errors.push({
          field: `${field}.value`,
          rule: 'isWholeNumber',
          message: `${field}.value must be a whole number of business_days`,
        });
      }
    }
    if (errors.length) throw new InvalidInputError(errors);
    return {
      municipalityCode: dto.municipalityCode ?? null,
      categoryCode: dto.categoryCode ?? null,
      priority: dto.priority ?? null,
      kind: dto.kind ?? null,
      responseTarget: { value: dto.responseTarget.value, unit: dto.responseTarget.unit },
      resolutionTarget: { value: dto.resolutionTarget.value, unit: dto.resolutionTarget.unit },
      warnAtPercent: dto.warnAtPercent ?? 75,
    };
  }

  /** Two policies with the same matchers would make "the most specific one" ambiguous. */
  private async refuseDuplicate(values: Omit<SlaPolicy, 'id'>, exceptId?: string): Promise<void> {
    const same = (await this.list()).find(
      (p) =>
        p.id !== exceptId &&
        p.municipalityCode === values.municipalityCode &&
        p.categoryCode === values.categoryCode &&
        p.priority === values.priority &&
        (p.kind ?? null) === values.kind,
    );
    if (same)
      throw new ConflictError(`Policy ${same.id} already has these matchers; change that one instead`, {
        policyId: same.id,
      });
  }
}

function toPolicy(row: SlaPolicyEntity): SlaPolicy {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    categoryCode: row.categoryCode,
    priority: row.priority,
    kind: row.kind,
    responseTarget: row.responseTarget,
    resolutionTarget: row.resolutionTarget,
    warnAtPercent: row.warnAtPercent,
  };
}
