import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { CalendarController } from './calendar.controller';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { MunicipalityCalendars } from './municipality-calendars';
import { SlaController } from './sla.controller';
import { SlaPolicies } from './sla-policies.service';

/** Policies, calendars and previews. The clocks of tickets live with the tickets (they change tickets). */
@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyEntity]), MunicipalitiesModule],
  controllers: [SlaController, CalendarController],
  providers: [SlaPolicies, MunicipalityCalendars],
  exports: [SlaPolicies, MunicipalityCalendars],
})
export class SlaModule {}
