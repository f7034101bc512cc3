import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { MunicipalityCalendars } from '@meldpunt/sla';
import { DeskStatus, responsibleDesk } from './responsible-desk';

@ApiTags('console')
@ApiBearerAuth()
@Controller('api/v1/desk')
export class DeskController {
  constructor(
    private readonly directory: MunicipalityDirectory,
    private readonly calendars: MunicipalityCalendars,
  ) {}

  /** Which desk holds each municipality's new tickets now, and why (the console's banner). */
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description:
      '[{ municipalityCode, name, open, responsibleDesk: municipal|regional, changesAt, reason: { nl, fr, en } }]',
  })
  async desk(@Ctx() ctx: RequestContext): Promise<DeskStatus[]> {
    const now = new Date();
    const visible = (await this.directory.allMunicipalities()).filter((m) => ctx.canSee(m.code));
    return Promise.all(
      visible.map(async (m) =>
        responsibleDesk(m, (await this.calendars.calendarFor(m.code)).openStatus(now), now),
      ),
    );
  }
}
