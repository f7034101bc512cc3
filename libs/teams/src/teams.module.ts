import { Module } from '@nestjs/common';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { Teams } from './teams';
import { TeamsController } from './teams.controller';

/** Teams per municipality (issue 15, item 4): tickets are assigned to a team, then to an agent. */
@Module({
  imports: [IdentityModule, MunicipalitiesModule],
  controllers: [TeamsController],
  providers: [Teams],
  exports: [Teams],
})
export class TeamsModule {}
