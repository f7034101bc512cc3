import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { reportPeriod } from '@meldpunt/reports';
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
    // A municipality outside the caller's scope is filtered to nothing here rather than refused.
    const period = reportPeriod({ from, to, municipality });
    return this.reports.report(ctx, period.from, period.to, period.municipality ?? undefined);
  }
}
