import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@meldpunt/api-errors';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { TeamDto, type TeamView } from './team.dto';
import { Teams } from './teams';

const TEAM_VIEW = '{ id, municipalityCode, name, email, members: [{ id, name }] }';

/** A municipality's teams: every agent of it reads them, admins and its supervisors keep them. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1')
@Roles(...STAFF_ROLES)
export class TeamsController {
  constructor(private readonly teams: Teams) {}

  @Get('municipalities/:code/teams')
  @ApiOkResponse({ description: `[${TEAM_VIEW}]` })
  list(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<TeamView[]> {
    return this.teams.list(ctx, code);
  }

  @Post('municipalities/:code/teams')
  @Roles('admin', 'supervisor')
  @ApiCreatedResponse({ description: TEAM_VIEW })
  create(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() dto: TeamDto): Promise<TeamView> {
    return this.teams.create(ctx, code, dto);
  }

  @Get('municipalities/:code/team-candidates')
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ description: '[{ id, name }]: the staff users who work for the municipality' })
  candidates(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
  ): Promise<{ id: string; name: string }[]> {
    return this.teams.candidates(ctx, code);
  }

  @Get('teams/:id')
  @ApiOkResponse({ description: TEAM_VIEW })
  async get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TeamView> {
    const team = await this.teams.get(ctx, id);
    if (!team) throw new NotFoundError('Team', id);
    return team;
  }

  @Put('teams/:id')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Name, mailbox and (when memberIds is given) the members of a team' })
  @ApiOkResponse({ description: TEAM_VIEW })
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: TeamDto): Promise<TeamView> {
    return this.teams.update(ctx, id, dto);
  }

  @Delete('teams/:id')
  @Roles('admin', 'supervisor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a team that no open ticket is with (409 otherwise)' })
  async remove(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.teams.remove(ctx, id);
  }
}
