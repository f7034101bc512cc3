import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { UsersService } from '@meldpunt/identity';
import { MunicipalitySeeder } from '@meldpunt/municipalities';
import { SlaPolicies } from '@meldpunt/sla';

export const DEMO_ACCOUNT = {
  email: 'admin@meldpunt.local',
  password: 'meldpunt-demo',
  name: 'Demo beheerder',
};

/** Idempotent seed: the region's reference data always, the demo account only in demo mode. */
@Injectable()
export class SeedRunner {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly municipalities: MunicipalitySeeder,
    private readonly users: UsersService,
    private readonly slaPolicies: SlaPolicies,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const added = await this.municipalities.seed();
    if (added.municipalities || added.categories) {
      this.logger.log(
        `seed: added ${added.municipalities} municipalities and ${added.categories} categories`,
      );
    }
    const policies = await this.slaPolicies.seedDefaults();
    if (policies) this.logger.log(`seed: added ${policies} default SLA policies`);
    if (this.config.seedDemo) {
      await this.users.ensure(DEMO_ACCOUNT.email, DEMO_ACCOUNT.name, DEMO_ACCOUNT.password, ['admin']);
      this.logger.log(`demo account: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password} (role admin)`);
    }
  }
}
