// The case register (Sổ theo dõi hồ sơ, Mẫu 06) of a unit for a day or a month, the day's
// Mẫu 01 to print in one go, and the register and the figures as XLSX or CSV. Who may read
// what is the desk's rule (unitScope): the officer and leader their unit, the province any;
// every read is audited like the other reads of personal data.
import { FormDocument, vnInstant, type DossierStatus, type DossierSubmission, type ReportQuery, type ReportResponse } from '@hsc/shared';
import type { FormBatchQuery, FormBatchResponse, RegisterQuery, RegisterResponse, RegisterRow } from '@hsc/shared/register';
import { DEFAULT_LANGUAGE, translate } from './texts.ts';
import { registerStore } from '../store/kysely-register.ts';
import type { Store } from '../store/store.ts';
import { staffAudit, unitScope, type Viewer } from './access.ts';
import { toCsv, toXlsx, type ExportTable } from './exports.ts';

// A register is an office record in Vietnamese, whatever language the console is read in.
const w = (key: string, params?: Record<string, unknown>) => translate(DEFAULT_LANGUAGE, `exports.${key}`, params);

const VN_OFFSET_MS = 7 * 3_600_000;
/** The instant as Vietnamese wall-clock time in a Date's UTC fields (what a spreadsheet shows). */
const wall = (iso: string | null) => (iso ? new Date(Date.parse(iso) + VN_OFFSET_MS) : null);
const pad = (n: number) => String(n).padStart(2, '0');
const wallText = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};
const dmy = (day: string) => day.split('-').reverse().join('/');
const my = (month: string) => month.split('-').reverse().join('/');

export type RegisterOutcome<T> = { kind: 'ok'; value: T } | { kind: 'forbidden' };

export interface ExportFile {
  body: Buffer;
  fileName: string;
}

export class RegisterService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private reads() {
    const reads = registerStore(this.store);
    if (!reads) throw new Error('the register reads a SQL store');
    return reads;
  }

  async register(v: Viewer, q: RegisterQuery): Promise<RegisterOutcome<RegisterResponse>> {
    const units = unitScope(v, q.unit);
    if (units === 'forbidden') return { kind: 'forbidden' };
    const reads = this.reads();
    const period = q.day ?? q.month!;
    const [fromDay, toDay] = q.day ? [q.day, nextDay(q.day)] : [`${q.month}-01`, `${nextMonth(q.month!)}-01`];
    const source = await reads.rows(units, vnInstant(fromDay, 0).toISOString(), vnInstant(toDay, 0).toISOString());
    const names = new Map<string, string>();
    const rows: RegisterRow[] = [];
    for (const [i, r] of source.entries()) {
      const key = `${r.procedureCode}@${r.procedureVersion}`;
      if (!names.has(key)) names.set(key, (await this.store.catalog.getVersion(r.procedureCode, r.procedureVersion))?.name.vi ?? r.procedureCode);
      const body = JSON.parse(r.body) as DossierSubmission;
      const receipt = r.receipt01 ? (JSON.parse(r.receipt01) as { officer?: { name?: string } }) : null;
      rows.push({
        no: i + 1,
        dossierId: r.id,
        code: r.code,
        unitCode: r.unitCode,
        procedureCode: r.procedureCode,
        procedureName: names.get(key)!,
        channel: r.channel === 'desk' ? 'desk' : 'online',
        applicantName: body.applicant.fullName,
        address: body.applicant.address,
        phone: body.applicant.phone,
        ...(body.applicant.noPhone ? { noPhone: true as const } : {}),
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        receivedBy: receipt?.officer?.name ?? null,
        handedTo: r.handedTo,
        finishedAt: r.finishedAt,
        returnedAt: r.returnedAt,
        status: r.status as DossierStatus,
        rescheduled: r.rescheduled,
      });
    }
    const unit = units?.length === 1 ? units[0]! : null;
    const unitName = unit ? ((await this.store.getUnit(unit))?.name ?? unit) : null;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_register', details: { period, unit, format: q.format, ids: rows.map((r) => r.dossierId) } }));
    return { kind: 'ok', value: { period, unit, unitName, rows } };
  }

  /** Every Mẫu 01 issued on the day (Vietnamese date) for the unit, as stored, in issue order. */
  async receipts(v: Viewer, q: FormBatchQuery): Promise<RegisterOutcome<FormBatchResponse>> {
    const units = unitScope(v, q.unit);
    if (units === 'forbidden') return { kind: 'forbidden' };
    const reads = this.reads();
    const bodies = await reads.formsIssued(units, q.kind, vnInstant(q.day, 0).toISOString(), vnInstant(nextDay(q.day), 0).toISOString());
    const forms = bodies.map((b) => FormDocument.parse(JSON.parse(b)));
    const unit = units?.length === 1 ? units[0]! : null;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_forms', details: { kind: q.kind, day: q.day, unit, ids: forms.map((f) => f.dossierId) } }));
    return { kind: 'ok', value: { day: q.day, unit, forms } };
  }

  /** The register as a table: what the XLSX and the CSV hold. */
  registerTable(r: RegisterResponse): ExportTable {
    const c = (k: string) => w(`col.${k}`);
    return {
      sheet: w('registerSheet'),
      title: [w('registerTitle'), w('unitLine', { unit: r.unitName ?? w('allUnits') }), r.period.length === 10 ? w('dayLine', { date: dmy(r.period) }) : w('monthLine', { month: my(r.period) })],
      columns: [
        { header: c('no'), width: 6, kind: 'number' },
        { header: c('code'), width: 24 },
        { header: c('procedure'), width: 36 },
        { header: c('applicant'), width: 26 },
        { header: c('address'), width: 40 },
        { header: c('received'), width: 17, kind: 'datetime' },
        { header: c('due'), width: 17, kind: 'datetime' },
        { header: c('receivedBy'), width: 20 },
        { header: c('handedTo'), width: 20 },
        { header: c('finished'), width: 17, kind: 'datetime' },
        { header: c('returned'), width: 17, kind: 'datetime' },
        { header: c('notes'), width: 28 },
      ],
      rows: r.rows.map((x) => [
        x.no,
        x.code,
        x.procedureName,
        x.applicantName,
        `${x.address}; ${x.noPhone ? w('noPhone') : x.phone}`,
        wall(x.receivedAt),
        wall(x.dueAt),
        x.receivedBy,
        x.handedTo,
        wall(x.finishedAt),
        wall(x.returnedAt),
        registerNotes(x),
      ]),
    };
  }

  figuresTable(r: ReportResponse, unitName: string | null): ExportTable {
    const c = (k: string) => w(`col.${k}`);
    const figures = (f: ReportResponse['total']) => [f.received, f.online, f.desk, f.onlineShare, f.finished, f.onTime, f.onTimeRate];
    return {
      sheet: w('figuresSheet'),
      title: [w('figuresTitle'), w('unitLine', { unit: unitName ?? w('allUnits') }), w('periodLine', { from: my(r.from), to: my(r.to) })],
      columns: [
        { header: c('month'), width: 10 },
        { header: c('unit'), width: 12 },
        { header: c('procedureCode'), width: 14 },
        { header: c('receivedCount'), width: 11, kind: 'number' },
        { header: c('online'), width: 11, kind: 'number' },
        { header: c('desk'), width: 11, kind: 'number' },
        { header: c('onlineShare'), width: 13, kind: 'percent' },
        { header: c('finishedCount'), width: 13, kind: 'number' },
        { header: c('onTime'), width: 11, kind: 'number' },
        { header: c('onTimeRate'), width: 13, kind: 'percent' },
      ],
      rows: [...r.rows.map((x) => [my(x.month), x.unitCode, x.procedureCode, ...figures(x)]), [w('total'), null, null, ...figures(r.total)]],
    };
  }

  async file(table: ExportTable, format: 'xlsx' | 'csv', name: string): Promise<ExportFile> {
    return format === 'xlsx' ? { body: await toXlsx(table), fileName: `${name}.xlsx` } : { body: toCsv(table, wallText), fileName: `${name}.csv` };
  }

  async unitName(code: string | null): Promise<string | null> {
    return code ? ((await this.store.getUnit(code))?.name ?? code) : null;
  }
}

function registerNotes(x: RegisterRow): string {
  const notes = [w(`notes.${x.channel}`)];
  // A status the register's dates do not tell (refused, withdrawn, stopped, waiting for papers).
  if (!['registered', 'accepted', 'processing', 'processed', 'returned'].includes(x.status)) notes.push(translate(DEFAULT_LANGUAGE, `common:status.${x.status}`));
  if (x.rescheduled) notes.push(w('notes.rescheduled'));
  return notes.join('; ');
}

/** `so-theo-doi-05716-2026-11-30`: ASCII, so any browser saves it as named. */
export const registerFileName = (r: RegisterResponse) => `so-theo-doi-ho-so-${r.unit ?? 'tinh'}-${r.period}`;
export const figuresFileName = (q: ReportQuery) => `so-lieu-${q.unit ?? 'tinh'}-${q.from}-${q.to}`;
