import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { DashboardReport, type Dashboard } from './dashboard';
import { toCsv, type ReportTable } from './csv';
import { dashboardTable } from './dashboard-table';
import { reportPeriod } from './report-period';
import { TicketExport } from './ticket-export';
import { toXlsx } from './xlsx';

// A dashboard over more than a year and a bit is a different question (and a long query).
const MAX_DAYS = 400;

type PeriodQuery = { from?: string; to?: string; municipality?: string };
type Format = 'csv' | 'xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const periodDocs = [
  ApiQuery({ name: 'from', example: '2027-01-01T00:00:00+01:00' }),
  ApiQuery({ name: 'to', example: '2027-04-01T00:00:00+02:00' }),
  ApiQuery({
    name: 'municipality',
    required: false,
    description: 'One municipality; else all in your scope',
  }),
];
const withPeriod = (): MethodDecorator => (target, key, descriptor) => {
  for (const d of periodDocs) d(target, key, descriptor);
};

/** The supervisors' figures: the dashboard and the tickets of a period, as JSON or CSV. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
@Roles('admin', 'supervisor')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardReport,
    private readonly tickets: TicketExport,
  ) {}

  @Get('dashboard')
  @withPeriod()
  @ApiOkResponse({
    description:
      'Volumes by kind, category, channel and municipality; first response and resolution times (median, p90, minutes); SLA compliance with a weekly trend; open backlog by age; satisfaction; busiest hours',
  })
  build(@Ctx() ctx: RequestContext, @Query() query: PeriodQuery): Promise<Dashboard> {
    return this.dashboard.build(ctx, reportPeriod(query, { caller: ctx, maxDays: MAX_DAYS }));
  }

  @Get(['dashboard.csv', 'dashboard.xlsx'])
  @withPeriod()
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({ description: 'The dashboard as CSV or XLSX: section, key, value' })
  async dashboardFile(
    @Ctx() ctx: RequestContext,
    @Query() query: PeriodQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const dashboard = await this.dashboard.build(
      ctx,
      reportPeriod(query, { caller: ctx, maxDays: MAX_DAYS }),
    );
    await sendTable(res, 'dashboard', formatOf(req), dashboardTable(dashboard));
  }

  @Get(['tickets.csv', 'tickets.xlsx'])
  @withPeriod()
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({
    description: 'The tickets received in the period, as CSV or XLSX, without personal data or free text',
  })
  async ticketsFile(
    @Ctx() ctx: RequestContext,
    @Query() query: PeriodQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.tickets.table(ctx, reportPeriod(query, { caller: ctx, maxDays: MAX_DAYS }));
    await sendTable(res, 'tickets', formatOf(req), table);
  }
}

/** The file format the path asks for: `.xlsx`, else CSV. */
function formatOf(req: Request): Format {
  return req.path.endsWith('.xlsx') ? 'xlsx' : 'csv';
}

async function sendTable(res: Response, name: string, format: Format, table: ReportTable): Promise<void> {
  res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'xlsx') {
    res.setHeader('Content-Type', XLSX);
    res.send(await toXlsx(name, table));
    return;
  }
  res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
  // A byte-order mark, so that Excel opens the accents of "Openbare verlichting" right.
  res.send(`\uFEFF${toCsv(table)}`);
}
