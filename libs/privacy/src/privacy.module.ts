import { Module } from '@nestjs/common';
import { IdentityModule } from '@meldpunt/identity';
import { TicketsModule } from '@meldpunt/tickets';
import { DataSubjectRights } from './data-subject-rights';
import { GdprController } from './gdpr.controller';
import { PersonalDataHolders } from './personal-data-holders';
import { PersonalDataRetention } from './personal-data-retention';

/** Reporters' rights (export, erasure) and the retention period of their personal data. */
@Module({
  imports: [IdentityModule, TicketsModule],
  controllers: [GdprController],
  providers: [DataSubjectRights, PersonalDataHolders, PersonalDataRetention],
  exports: [PersonalDataHolders, PersonalDataRetention],
})
export class PrivacyModule {}
