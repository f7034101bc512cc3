import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { defaultMailProfile, MailProfile } from './default-mail-profile';
import { MailProfileEntity } from './entities/mail-profile.entity';
import type { MailProfileDto } from './dto/mail-profile.dto';

const TTL_MS = 30_000;

/**
 * Each municipality's sender, name, signature, logo and escalation address: the defaults with what
 * its admin changed. Every e-mail reads its profile twice (to decide, to compose), and profiles
 * change a few times a year, so each process keeps all thirteen rows in memory for 30 s: a change
 * through this process applies at once, other processes (a separate worker) follow within the TTL.
 * The admin's own GET reads the database.
 */
@Injectable()
export class MailProfiles {
  private cache: { at: number; rows: Map<string, MailProfileEntity> } | null = null;
  private loading: Promise<Map<string, MailProfileEntity>> | null = null;
  private generation = 0;

  constructor(
    @InjectRepository(MailProfileEntity) private readonly profiles: Repository<MailProfileEntity>,
    private readonly directory: MunicipalityDirectory,
    private readonly config: AppConfig,
  ) {}

  /** The profile in effect, as cached (what e-mails use). */
  async for(municipalityCode: string): Promise<MailProfile> {
    return this.merge(municipalityCode, (await this.cachedRows()).get(municipalityCode));
  }

  /** The profile in effect, read now (what an admin sees). */
  async current(municipalityCode: string): Promise<MailProfile> {
    return this.merge(municipalityCode, await this.profiles.findOneBy({ municipalityCode }));
  }

  private async merge(
    municipalityCode: string,
    row: MailProfileEntity | null | undefined,
  ): Promise<MailProfile> {
    const municipality = await this.directory.municipality(municipalityCode);
    if (!municipality) throw new NotFoundError('Municipality', municipalityCode);
    const base = defaultMailProfile(municipality, this.config.mailFromDomain);
    if (!row) return base;
    return {
      ...base,
      displayName: row.displayName ?? base.displayName,
      senderAddress: row.senderAddress ?? base.senderAddress,
      signature: row.signature ?? base.signature,
      logoUrl: row.logoUrl ?? base.logoUrl,
      forwardedMail: row.forwardedMail ?? base.forwardedMail,
      escalationEmail: row.escalationEmail ?? base.escalationEmail,
    };
  }

  /** Stores the given fields; a field set to null goes back to its default. */
  async update(municipalityCode: string, dto: MailProfileDto): Promise<MailProfile> {
    await this.merge(municipalityCode, null);
    const changes: Partial<MailProfileEntity> = { updatedAt: new Date() };
    const keys = [
      'displayName',
      'senderAddress',
      'signature',
      'logoUrl',
      'forwardedMail',
      'escalationEmail',
    ] as const;
    for (const key of keys) {
      if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
    }
    await this.profiles.upsert({ municipalityCode, ...changes }, ['municipalityCode']);
    this.invalidate();
    return this.current(municipalityCode);
  }

  /** Drops the cache; a read already under way when a profile changed does not put its old rows back. */
  invalidate(): void {
    this.generation++;
    this.cache = null;
    this.loading = null;
  }

  private cachedRows(): Promise<Map<string, MailProfileEntity>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return Promise.resolve(this.cache.rows);
    if (!this.loading) {
      const loading = this.load();
      this.loading = loading;
      const done = () => {
        if (this.loading === loading) this.loading = null;
      };
      loading.then(done, done);
    }
    return this.loading;
  }

  private async load(): Promise<Map<string, MailProfileEntity>> {
    const generation = this.generation;
    const at = Date.now();
    const rows = new Map((await this.profiles.find()).map((row) => [row.municipalityCode, row]));
    if (generation === this.generation) this.cache = { at, rows };
    return rows;
  }
}
