import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { BackOfficeSettingsDto, BackOfficeSettingsView } from '../dto/back-office-settings.dto';
import { BackOfficePollScheduler } from '../inbound/back-office-poll-scheduler';
import { BackOfficeConnections } from './back-office-connections';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/v1/municipalities/:code/back-office')
export class BackOfficeSettingsController {
  constructor(
    private readonly connections: BackOfficeConnections,
    private readonly polls: BackOfficePollScheduler,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: BackOfficeSettingsView, description: 'The settings without the credentials' })
  view(@Param('code') code: string): Promise<BackOfficeSettingsView> {
    return this.connections.view(code);
  }

  @Put()
  @Roles('admin')
  @ApiOkResponse({
    type: BackOfficeSettingsView,
    description: 'The stored settings; credentials are write-only',
  })
  async configure(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Body() dto: BackOfficeSettingsDto,
  ): Promise<BackOfficeSettingsView> {
    const view = await this.connections.configure(ctx, code, dto);
    await this.polls.schedule(code);
    return view;
  }
}
