// One table of figures: received (online, desk, online share) and processed (on time, rate).
import type { ReportFigures } from '@hsc/shared/desk';
import { useStaffT } from '../i18n/index.ts';

export interface TableRow {
  key: string;
  label: string;
  figures: ReportFigures;
}

export function ReportTable({ caption, head, rows, total, testId }: { caption: string; head: string; rows: TableRow[]; total?: ReportFigures; testId: string }) {
  const { t, lang } = useStaffT();
  const num = new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi');
  const pct = new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi', { style: 'percent', maximumFractionDigits: 1 });
  const rate = (r: number | null) => (r === null ? t('reports.none') : pct.format(r));
  const cells = (f: ReportFigures) => (
    <>
      <td className="num">{num.format(f.received)}</td>
      <td className="num">{num.format(f.online)}</td>
      <td className="num">{num.format(f.desk)}</td>
      <td className="num">{rate(f.onlineShare)}</td>
      <td className="num">{num.format(f.finished)}</td>
      <td className="num">{num.format(f.onTime)}</td>
      <td className="num">{rate(f.onTimeRate)}</td>
    </>
  );
  return (
    <div className="table-wrap">
      <table className="rtable" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('reports.received')}</th>
            <th scope="col">{t('reports.online')}</th>
            <th scope="col">{t('reports.desk')}</th>
            <th scope="col">{t('reports.onlineShare')}</th>
            <th scope="col">{t('reports.finished')}</th>
            <th scope="col">{t('reports.onTime')}</th>
            <th scope="col">{t('reports.onTimeRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="report-row" data-key={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r.figures)}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr data-testid="report-total">
              <th scope="row">{t('reports.total')}</th>
              {cells(total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
