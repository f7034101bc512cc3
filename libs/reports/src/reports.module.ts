import { Module } from '@nestjs/common';
import { DashboardReport } from './dashboard';
import { DashboardController } from './reports.controller';
import { TicketExport } from './ticket-export';

/** Supervisors' dashboards and exports (read-only SQL over tickets and feedback). */
@Module({ controllers: [DashboardController], providers: [DashboardReport, TicketExport] })
export class ReportsModule {}
