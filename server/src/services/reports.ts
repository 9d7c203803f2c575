// The figures the seed article counts: dossiers received per month, unit and procedure, by
// channel (online share), and how many were finished on time. A dossier counts in the month
// (Vietnamese time) it was first received; "on time" means its result was issued (processed)
// no later than the due date in force. Fees count in the month they were marked paid.
import { vnInstant, vnLocal, type ReportFigures, type ReportQuery, type ReportResponse, type ReportRow } from '@hsc/shared';
import type { Store } from '../store/store.ts';
import { staffAudit, unitScope, type Viewer } from './access.ts';
import { RegisterService } from './register.ts';

export const MAX_REPORT_MONTHS = 36;

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

interface Counts {
  received: number;
  online: number;
  desk: number;
  finished: number;
  onTime: number;
}
const zero = (): Counts => ({ received: 0, online: 0, desk: 0, finished: 0, onTime: 0 });
const figures = (c: Counts): ReportFigures => ({
  ...c,
  onlineShare: c.received === 0 ? null : c.online / c.received,
  onTimeRate: c.finished === 0 ? null : c.onTime / c.finished,
});

export type ReportOutcome = { kind: 'ok'; report: ReportResponse } | { kind: 'forbidden' } | { kind: 'invalid'; path: string };

export class ReportService {
  /** The case register and the day's receipts (register.ts): the same readers' other records. */
  readonly register: RegisterService;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.register = new RegisterService(store, now);
  }

  async report(v: Viewer, q: ReportQuery): Promise<ReportOutcome> {
    if (v.role !== 'leader' && v.role !== 'province') return { kind: 'forbidden' };
    const units = unitScope(v, q.unit);
    if (units === 'forbidden') return { kind: 'forbidden' };
    if (q.to < q.from) return { kind: 'invalid', path: 'to' };
    const months: string[] = [];
    for (let m = q.from; m <= q.to && months.length <= MAX_REPORT_MONTHS; m = nextMonth(m)) months.push(m);
    if (months.length > MAX_REPORT_MONTHS) return { kind: 'invalid', path: 'to' };

    const from = vnInstant(`${q.from}-01`, 0).toISOString();
    const to = vnInstant(`${nextMonth(q.to)}-01`, 0).toISOString();
    const rows = await this.store.desk.reportRows(units, from, to);

    const cells = new Map<string, { month: string; unitCode: string; procedureCode: string; c: Counts }>();
    const perMonth = new Map(months.map((m) => [m, zero()]));
    const total = zero();
    for (const r of rows) {
      const month = vnLocal(new Date(r.receivedAt)).date.slice(0, 7);
      const key = `${month}|${r.unitCode}|${r.procedureCode}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { month, unitCode: r.unitCode, procedureCode: r.procedureCode, c: zero() }));
      const finished = r.finishedAt !== null;
      const onTime = finished && Date.parse(r.finishedAt!) <= Date.parse(r.dueAt);
      for (const c of [cell.c, perMonth.get(month) ?? zero(), total]) {
        c.received++;
        if (r.channel === 'online') c.online++;
        else c.desk++;
        if (finished) c.finished++;
        if (onTime) c.onTime++;
      }
    }
    const out: ReportRow[] = [...cells.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || a.unitCode.localeCompare(b.unitCode) || a.procedureCode.localeCompare(b.procedureCode))
      .map((x) => ({ month: x.month, unitCode: x.unitCode, procedureCode: x.procedureCode, ...figures(x.c) }));
    const fees = new Map<string, { month: string; unitCode: string; paid: number; amount: number }>();
    for (const f of await this.store.payees.paidFees(units, from, to)) {
      const month = vnLocal(new Date(f.paidAt)).date.slice(0, 7);
      const key = `${month}|${f.unitCode}`;
      const cell = fees.get(key) ?? { month, unitCode: f.unitCode, paid: 0, amount: 0 };
      fees.set(key, { ...cell, paid: cell.paid + 1, amount: cell.amount + f.amount });
    }
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_report', details: { from: q.from, to: q.to, unit: q.unit ?? null } }));
    return {
      kind: 'ok',
      report: {
        from: q.from,
        to: q.to,
        unit: units === null ? null : (units[0] ?? null),
        rows: out,
        months: months.map((m) => ({ month: m, ...figures(perMonth.get(m)!) })),
        total: figures(total),
        fees: [...fees.values()].sort((a, b) => a.month.localeCompare(b.month) || a.unitCode.localeCompare(b.unitCode)),
      },
    };
  }
}
