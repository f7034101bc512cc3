import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '@meldpunt/api-errors';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { SlaReportRow, SlaReportService } from './sla-report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: SlaReportService) {}

  @Get('sla')
  @Roles('admin', 'supervisor', 'regional_agent', 'municipal_agent')
  @ApiQuery({ name: 'from', example: '2027-01-01T00:00:00+01:00' })
  @ApiQuery({ name: 'to', example: '2027-04-01T00:00:00+02:00' })
  @ApiQuery({ name: 'municipality', required: false })
  @ApiOkResponse({
    description:
      'Per municipality and category: tickets, and for response and resolution { met, breached, open, complianceRate }',
  })
  sla(
    @Ctx() ctx: RequestContext,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('municipality') municipality?: string,
  ): Promise<SlaReportRow[]> {
    const start = instant('from', from);
    const end = instant('to', to);
    if (end <= start)
      throw new InvalidInputError([{ field: 'to', rule: 'isAfterFrom', message: 'to must be after from' }]);
    if (municipality !== undefined && !/^[a-z0-9-]{2,40}$/.test(municipality)) {
      throw new InvalidInputError([
        { field: 'municipality', rule: 'matches', message: 'municipality must be a municipality code' },
      ]);
    }
    return this.reports.report(ctx, start, end, municipality);
  }
}

function instant(field: string, value: string | undefined): Date {
  const parsed = new Date(value ?? '');
  if (!value || Number.isNaN(parsed.getTime())) {
    throw new InvalidInputError([
      { field, rule: 'isIso8601', message: `${field} must be an ISO 8601 date-time` },
    ]);
  }
  return parsed;
}
