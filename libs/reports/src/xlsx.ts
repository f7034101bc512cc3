import writeXlsxFile from 'write-excel-file/node';
import type { ReportTable } from './csv';

/**
 * A table as an XLSX workbook of one sheet: the header row in bold, cells typed (numbers stay
 * numbers, dates dates). Every text is a string cell, never a formula, whatever it starts with.
 */
export function toXlsx(sheet: string, { header, rows }: ReportTable): Promise<Buffer> {
  const data = [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) =>
      row.map((value) => {
        if (value === null) return null;
        if (value instanceof Date) return { value, type: Date, format: 'yyyy-mm-dd hh:mm:ss' };
        return { value };
      }),
    ),
  ];
  return writeXlsxFile(data, { sheet }).toBuffer();
}
