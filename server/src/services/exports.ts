// Tables as files for the office's spreadsheets: XLSX through exceljs (a kept library that
// writes real workbooks: typed cells, widths, a frozen header) and CSV by hand (RFC 4180
// quoting, CRLF) with a UTF-8 byte order mark, without which Excel reads Vietnamese as Latin-1.
import ExcelJS from 'exceljs';

export interface ExportColumn {
  header: string;
  /** Width in characters, for XLSX. */
  width: number;
  kind?: 'text' | 'number' | 'percent' | 'datetime';
}

export type ExportCell = string | number | Date | null;

export interface ExportTable {
  /** The sheet's name (≤ 31 characters, as Excel allows). */
  sheet: string;
  /** Lines above the header (the register's title, the unit, the period). */
  title: string[];
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hồ sơ công';
  const ws = wb.addWorksheet(table.sheet.slice(0, 31), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = table.columns.map((c) => ({ width: c.width }));
  for (const line of table.title) {
    const row = ws.addRow([line]);
    row.font = { bold: true };
  }
  if (table.title.length) ws.addRow([]);
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const headerRow = header.number;
  for (const cells of table.rows) {
    const row = ws.addRow(cells.map((v) => (v === null ? '' : v)));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.kind === 'percent') col.numFmt = '0.0%';
    if (c.kind === 'datetime') col.numFmt = 'hh:mm dd/mm/yyyy';
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** `datetime` cells as written in the CSV (text: a spreadsheet's own date parsing differs by locale). */
export function toCsv(table: ExportTable, datetime: (d: Date) => string): Buffer {
  const lines = [table.columns.map((c) => quote(c.header)).join(',')];
  for (const cells of table.rows) {
    lines.push(cells.map((v) => (v === null ? '' : v instanceof Date ? quote(datetime(v)) : quote(String(v)))).join(',')); 
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const MEDIA_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
