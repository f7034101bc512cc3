import type { CsvCell, ReportTable } from './csv';
import type { Dashboard } from './dashboard';

/** The dashboard as one long table (section, key, value): every figure of the JSON, once. */
export function dashboardTable(d: Dashboard): ReportTable {
  const rows: CsvCell[][] = [
    ['period', 'from', d.from],
    ['period', 'to', d.to],
    ['period', 'municipality', d.municipality ?? 'all'],
    ['volumes', 'total', d.volumes.total],
  ];
  const counts = (section: string, list: { key: string; count: number }[]) =>
    list.forEach((c) => rows.push([section, c.key, c.count]));
  counts('volumes.kind', d.volumes.byKind);
  counts('volumes.category', d.volumes.byCategory);
  counts('volumes.channel', d.volumes.byChannel);
  counts('volumes.municipality', d.volumes.byMunicipality);
  for (const [section, value] of [
    ['firstResponse', d.firstResponse],
    ['resolution', d.resolution],
    ['sla.response', d.sla.response],
    ['sla.resolution', d.sla.resolution],
  ] as const) {
    for (const [key, v] of Object.entries(value)) rows.push([section, key, v as number | null]);
  }
  for (const w of d.sla.trend) {
    rows.push(['sla.trend.tickets', w.week, w.tickets]);
    rows.push(['sla.trend.responseRate', w.week, w.responseRate]);
    rows.push(['sla.trend.resolutionRate', w.week, w.resolutionRate]);
  }
  rows.push(['backlog', 'open', d.backlog.open]);
  counts('backlog.age', d.backlog.ageing);
  rows.push(['satisfaction', 'responses', d.satisfaction.responses]);
  rows.push(['satisfaction', 'average', d.satisfaction.average]);
  counts('satisfaction.score', d.satisfaction.byScore);
  for (const h of d.busiestHours)
    rows.push(['busiestHours', `${h.weekday}-${String(h.hour).padStart(2, '0')}`, h.count]);
  return { header: ['section', 'key', 'value'], rows };
}
