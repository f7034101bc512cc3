export * from './reports.module';
export * from './csv';
export * from './report-period';
