// Parses the statistics office's list of commune-level units (code, full_name, type, merged_from).
import type { Unit } from './schemas.ts';

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export function parseUnitsCsv(csv: string): Unit[] {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  if (header?.split(',')[0] !== 'code') throw new Error('units CSV must start with a "code" header');
  return rows.map((row) => {
    const [code, name, type] = splitCsvLine(row);
    if (!code || !name || !type) throw new Error(`bad units CSV row: ${row}`);
    return { code, name, type: type === 'Phường' ? 'ward' : 'commune' };
  });
}
