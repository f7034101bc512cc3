import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '@meldpunt/api-errors';
import { Roles, STAFF_ROLES } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { SlaPolicyDto, SlaPreviewDto } from './dto/sla-policy.dto';
import { MunicipalityCalendars } from './municipality-calendars';
import { SlaPolicies } from './sla-policies.service';
import type { SlaPolicy } from './sla-policy-matching';
import { deadlinesFor } from './sla-target';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla')
export class SlaController {
  constructor(
    private readonly policies: SlaPolicies,
    private readonly calendars: MunicipalityCalendars,
    private readonly directory: MunicipalityDirectory,
  ) {}

  @Get('policies')
  @Roles('admin', 'supervisor')
  list(): Promise<SlaPolicy[]> {
    return this.policies.list();
  }

  @Post('policies')
  @Roles('admin')
  create(@Body() dto: SlaPolicyDto): Promise<SlaPolicy> {
    return this.policies.create(dto);
  }

  @Put('policies/:id')
  @Roles('admin')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SlaPolicyDto): Promise<SlaPolicy> {
    return this.policies.update(id, dto);
  }

  /** The deadlines a ticket received at `receivedAt` would get: agents tell the caller. */
  @Post('preview')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ description: '{ responseDueAt, resolutionDueAt, policyId }' })
  async preview(
    @Body() dto: SlaPreviewDto,
  ): Promise<{ responseDueAt: string; resolutionDueAt: string; policyId: string }> {
    const municipality = await this.directory.municipality(dto.municipalityCode);
    const category = await this.directory.category(dto.categoryCode);
    const errors = [];
    if (!municipality)
      errors.push({
        field: 'municipalityCode',
        rule: 'isKnownMunicipality',
        message: `municipalityCode '${dto.municipalityCode}' is not a municipality of the region`,
      });
    if (!category)
      errors.push({
        field: 'categoryCode',
        rule: 'isKnownCategory',
        message: `categoryCode '${dto.categoryCode}' is not a category of the region`,
      });
    if (!municipality || !category) throw new InvalidInputError(errors);
    const policy = await this.policies.match({
      municipalityCode: municipality.code,
      categoryCode: category.code,
      priority: dto.priority ?? category.defaultPriority,
      kind: dto.kind ?? category.kinds[0],
    });
    if (!policy)
      throw new InvalidInputError([
        { field: 'categoryCode', rule: 'hasPolicy', message: 'no SLA policy applies' },
      ]);
    const deadlines = deadlinesFor(
      await this.calendars.calendarFor(municipality.code),
      new Date(dto.receivedAt),
      policy,
    );
    return {
      responseDueAt: deadlines.responseDueAt.toISOString(),
      resolutionDueAt: deadlines.resolutionDueAt.toISOString(),
      policyId: deadlines.policyId,
    };
  }
}
