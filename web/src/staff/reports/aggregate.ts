// Groups the report's rows (month × unit × procedure) by one dimension, with the rates
// recomputed from the sums (a mean of rates would weigh a unit of 2 dossiers like one of 200).
import type { ReportFigures, ReportRow } from '@hsc/shared/desk';
import { vnLocal } from '@hsc/shared/workdays';

export function sumFigures(rows: readonly ReportFigures[]): ReportFigures {
  const s = { received: 0, online: 0, desk: 0, finished: 0, onTime: 0 };
  for (const r of rows) {
    s.received += r.received;
    s.online += r.online;
    s.desk += r.desk;
    s.finished += r.finished;
    s.onTime += r.onTime;
  }
  return { ...s, onlineShare: s.received ? s.online / s.received : null, onTimeRate: s.finished ? s.onTime / s.finished : null };
}

export function groupBy(rows: readonly ReportRow[], key: 'unitCode' | 'procedureCode'): { key: string; figures: ReportFigures }[] {
  const groups = new Map<string, ReportRow[]>();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  return [...groups.entries()].map(([k, rs]) => ({ key: k, figures: sumFigures(rs) })).sort((a, b) => b.figures.received - a.figures.received || a.key.localeCompare(b.key));
}

/** `YYYY-MM` of the Vietnamese month `back` months before the one of `now`. */
export function monthBefore(now: Date, back: number): string {
  const [y, m] = vnLocal(now).date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
