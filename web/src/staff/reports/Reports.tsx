// Part 7's figures: dossiers received by channel and the online share, processed on time,
// per month, by unit and by procedure. Leaders see their unit; the province viewer all units
// or one.
import type { ReportResponse } from '@hsc/shared/desk';
import type { StaffUser } from '@hsc/shared/staff';
import { useState, type FormEvent } from 'react';
import { localized } from '../../i18n/index.ts';
import { getReport, reportPath } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { useReference, type Reference } from '../reference.ts';
import { figuresFilePath } from '../register/api.ts';
import { OfflineNote } from '../Shell.tsx';
import { UnitSelect } from '../UnitSelect.tsx';
import { groupBy, monthBefore, monthLabel } from './aggregate.ts';
import { BarChart } from './BarChart.tsx';
import { ReportTable } from './ReportTable.tsx';

interface Range {
  from: string;
  to: string;
  unit: string;
}

export function Reports({ user, now = new Date() }: { user: StaffUser; now?: Date }) {
  const { t } = useStaffT();
  const ref = useReference();
  const [range, setRange] = useState<Range>(() => ({ from: monthBefore(now, 5), to: monthBefore(now, 0), unit: '' }));
  const [draft, setDraft] = useState(range);
  const [problem, setProblem] = useState<string>();
  const unit = user.role === 'province' ? range.unit || undefined : undefined;
  const report = useResource(reportPath(range.from, range.to, unit), () => getReport(range.from, range.to, unit));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const span = (Number(draft.to.slice(0, 4)) - Number(draft.from.slice(0, 4))) * 12 + Number(draft.to.slice(5)) - Number(draft.from.slice(5));
    if (!draft.from || !draft.to || span < 0 || span >= 36) return setProblem(t('reports.badRange'));
    setProblem(undefined);
    setRange(draft);
  };

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <form className="rfilter staff-chrome" onSubmit={submit}>
        <label className="field">
          <span className="label">{t('reports.from')}</span>
          <input className="input" type="month" data-testid="report-from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field">
          <span className="label">{t('reports.to')}</span>
          <input className="input" type="month" data-testid="report-to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        {user.role === 'province' ? (
          <UnitSelect
            label={t('reports.unit')}
            allLabel={t('reports.allUnits')}
            testId="report-unit"
            value={draft.unit}
            onChange={(unit) => setDraft({ ...draft, unit })}
          />
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="report-show">
          {t('reports.show')}
        </button>
      </form>
      {/* The same figures as files the server makes (exceljs XLSX, CSV with a BOM). */}
      <div className="register-tools staff-chrome">
        <a className="btn btn-secondary" data-testid="report-xlsx" href={figuresFilePath(range.from, range.to, 'xlsx', unit)} download>
          {t('register.figuresXlsx')}
        </a>
        <a className="btn btn-secondary" data-testid="report-csv" href={figuresFilePath(range.from, range.to, 'csv', unit)} download>
          {t('register.figuresCsv')}
        </a>
      </div>
      {problem ? <p className="serror">{problem}</p> : null}
      <OfflineNote since={report.staleSince} onRetry={report.reload} />
      {report.error && !report.data ? <p className="serror">{errorText(t, report.error)}</p> : null}
      {!report.data && !report.error ? <p className="muted">{t('reports.loading')}</p> : null}
      {report.data ? <Figures report={report.data} reference={ref} /> : null}
    </section>
  );
}

export function Figures({ report, reference }: { report: ReportResponse; reference: Reference }) {
  const { t, lang } = useStaffT();
  if (report.total.received === 0) return <p className="empty muted">{t('reports.empty')}</p>;
  const procedureName = (code: string) => {
    const p = reference.procedures.get(code);
    return p ? localized(p.name, lang) : code;
  };
  return (
    <>
      <BarChart months={report.months} />
      <ReportTable
        testId="report-months"
        caption={t('reports.byMonth')}
        head={t('reports.month')}
        rows={report.months.map((m) => ({ key: m.month, label: monthLabel(m.month), figures: m }))}
        total={report.total}
      />
      {report.unit === null ? (
        <ReportTable
          testId="report-units"
          caption={t('reports.byUnit')}
          head={t('reports.unit')}
          rows={groupBy(report.rows, 'unitCode').map((g) => ({ key: g.key, label: reference.units.get(g.key)?.name ?? g.key, figures: g.figures }))}
        />
      ) : null}
      <ReportTable
        testId="report-procedures"
        caption={t('reports.byProcedure')}
        head={t('dossier.procedure')}
        rows={groupBy(report.rows, 'procedureCode').map((g) => ({ key: g.key, label: procedureName(g.key), figures: g.figures }))}
      />
    </>
  );
}
