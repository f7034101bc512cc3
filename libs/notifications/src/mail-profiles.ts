import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { defaultMailProfile, MailProfile } from './default-mail-profile';
import { MailProfileEntity } from './entities/mail-profile.entity';
import type { MailProfileDto } from './dto/mail-profile.dto';

/**
 * Each municipality's sender, name, signature, logo and escalation address: the defaults with what
 * its admin changed.
 */
@Injectable()
export class MailProfiles {
  constructor(
    @InjectRepository(MailProfileEntity) private readonly profiles: Repository<MailProfileEntity>,
    private readonly directory: MunicipalityDirectory,
    private readonly config: AppConfig,
  ) {}

  async for(municipalityCode: string): Promise<MailProfile> {
    const municipality = await this.directory.municipality(municipalityCode);
    if (!municipality) throw new NotFoundError('Municipality', municipalityCode);
    const base = defaultMailProfile(municipality, this.config.mailFromDomain);
    const row = await this.profiles.findOneBy({ municipalityCode });
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
    await this.for(municipalityCode);
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
    return this.for(municipalityCode);
  }
}
