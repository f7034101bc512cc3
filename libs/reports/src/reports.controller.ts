import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { DashboardReport, type Dashboard } from './dashboard';
import { dashboardCsv } from './dashboard-csv';
import { reportPeriod } from './report-period';
import { TicketExport } from './ticket-export';

// A dashboard over more than a year and a bit is a different question (and a long query).
const MAX_DAYS = 400;

type PeriodQuery = { from?: string; to?: string; municipality?: string };

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

  @Get('dashboard.csv')
  @withPeriod()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The dashboard as CSV: section, key, value' })
  async csv(@Ctx() ctx: RequestContext, @Query() query: PeriodQuery, @Res() res: Response): Promise<void> {
    sendCsv(
      res,
      'dashboard.csv',
      dashboardCsv(await this.dashboard.build(ctx, reportPeriod(query, { caller: ctx, maxDays: MAX_DAYS }))),
    );
  }

  @Get('tickets.csv')
  @withPeriod()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The tickets received in the period, without personal data or free text' })
  async ticketsCsv(
    @Ctx() ctx: RequestContext,
    @Query() query: PeriodQuery,
    @Res() res: Response,
  ): Promise<void> {
    sendCsv(
      res,
      'tickets.csv',
      await this.tickets.csv(ctx, reportPeriod(query, { caller: ctx, maxDays: MAX_DAYS })),
    );
  }
}

function sendCsv(res: Response, filename: string, body: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  // A byte-order mark, so that Excel opens the accents of "Openbare verlichting" right.
  res.send(`\uFEFF${body}`);
}
