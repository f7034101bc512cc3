export type CsvCell = string | number | boolean | Date | null;

/** A report as a table: the same rows go out as CSV or as XLSX. */
export interface ReportTable {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/**
 * RFC 4180 text with a header row. A cell that starts like a formula is neutralised with a quote:
 * spreadsheets would run it, and cells can hold what citizens or back-offices wrote.
 */
export function toCsv({ header, rows }: ReportTable): string {
  const lines = [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: CsvCell): string {
  let text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
