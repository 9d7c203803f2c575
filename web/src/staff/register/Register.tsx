// /staff/register: the case register (Sổ theo dõi hồ sơ, Mẫu 06) of a day or a month, on
// screen and printed A4 landscape (staff.css, @page register), with the server's XLSX and CSV
// of it, and the way to print the day's receipts (Mẫu 01) in one go.
import type { RegisterResponse } from '@hsc/shared/register';
import type { StaffUser } from '@hsc/shared/staff';
import { useState, type FormEvent } from 'react';
import { formatDateTime, vnToday } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { monthBefore, monthLabel } from '../reports/aggregate.ts';
import { OfflineNote } from '../Shell.tsx';
import { UnitSelect } from '../UnitSelect.tsx';
import { getRegister, registerPath, type Period } from './api.ts';
import { receiptsScreenPath } from './paths.ts';

interface Choice {
  by: 'day' | 'month';
  day: string;
  month: string;
  unit: string;
}

const periodOf = (c: Choice): Period => (c.by === 'day' ? { day: c.day } : { month: c.month });

export function Register({ user, now = new Date() }: { user: StaffUser; now?: Date }) {
  const { t } = useStaffT();
  const [choice, setChoice] = useState<Choice>(() => ({ by: 'day', day: vnToday(now), month: monthBefore(now, 0), unit: '' }));
  const [draft, setDraft] = useState(choice);
  const unit = user.role === 'province' ? choice.unit || undefined : undefined;
  const period = periodOf(choice);
  const register = useResource(registerPath(period, unit), () => getRegister(period, unit));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((draft.by === 'day' && !draft.day) || (draft.by === 'month' && !draft.month)) return;
    setChoice(draft);
  };

  return (
    <section className="register" aria-labelledby="register-title" data-testid="register">
      <h1 id="register-title" className="staff-chrome">
        {t('register.title')}
      </h1>
      <form className="rfilter staff-chrome" onSubmit={submit}>
        <fieldset className="register-by">
          {(['day', 'month'] as const).map((by) => (
            <label key={by} className="register-by-option">
              <input type="radio" name="register-by" data-testid={`register-by-${by}`} checked={draft.by === by} onChange={() => setDraft({ ...draft, by })} />{' '}
              {t(by === 'day' ? 'register.byDay' : 'register.byMonth')}
            </label>
          ))}
        </fieldset>
        {draft.by === 'day' ? (
          <label className="field">
            <span className="label">{t('register.day')}</span>
            <input className="input" type="date" data-testid="register-day" value={draft.day} onChange={(e) => setDraft({ ...draft, day: e.target.value })} />
          </label>
        ) : (
          <label className="field">
            <span className="label">{t('register.month')}</span>
            <input className="input" type="month" data-testid="register-month" value={draft.month} onChange={(e) => setDraft({ ...draft, month: e.target.value })} />
          </label>
        )}
        {user.role === 'province' ? (
          <UnitSelect label={t('reports.unit')} allLabel={t('reports.allUnits')} testId="register-unit" value={draft.unit} onChange={(u) => setDraft({ ...draft, unit: u })} />
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="register-show">
          {t('register.show')}
        </button>
      </form>
      <div className="register-tools staff-chrome">
        <button type="button" className="btn btn-secondary" data-testid="register-print" disabled={!register.data} onClick={() => window.print()}>
          {t('register.print')}
        </button>
        <a className="btn btn-secondary" data-testid="register-xlsx" href={registerPath(period, unit, 'xlsx')} download>
          {t('register.xlsx')}
        </a>
        <a className="btn btn-secondary" data-testid="register-csv" href={registerPath(period, unit, 'csv')} download>
          {t('register.csv')}
        </a>
        {choice.by === 'day' ? (
          <Link to={receiptsScreenPath(choice.day, unit)} className="btn btn-secondary" data-testid="register-receipts">
            {t('register.receipts')}
          </Link>
        ) : null}
      </div>
      <OfflineNote since={register.staleSince} onRetry={register.reload} />
      {register.error && !register.data ? <p className="serror">{errorText(t, register.error)}</p> : null}
      {!register.data && !register.error ? <p className="muted">{t('register.loading')}</p> : null}
      {register.data ? <RegisterTable register={register.data} /> : null}
    </section>
  );
}

export function RegisterTable({ register }: { register: RegisterResponse }) {
  const { t } = useStaffT();
  const when = (at: string | null) => (at ? formatDateTime(at) : '');
  const period = register.period.length === 10 ? t('register.periodDay', { date: register.period.split('-').reverse().join('/') }) : t('register.periodMonth', { month: monthLabel(register.period) });
  return (
    <div className="register-sheet" data-testid="register-sheet" lang="vi">
      <p className="register-unit">{register.unitName ?? t('reports.allUnits')}</p>
      <h2 className="register-title">{t('register.printTitle')}</h2>
      <p className="register-period">{period}</p>
      {register.rows.length === 0 ? (
        <p className="empty muted" data-testid="register-empty">
          {t('register.empty')}
        </p>
      ) : (
        <table className="rtable register-table" data-testid="register-table">
          <thead>
            <tr>
              {(['no', 'code', 'procedure', 'applicant', 'address', 'received', 'due', 'receivedBy', 'handedTo', 'finished', 'returned', 'notes'] as const).map((k) => (
                <th key={k}>{t(`register.col.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {register.rows.map((r) => (
              <tr key={r.dossierId} data-testid="register-row" data-code={r.code}>
                <td className="num">{r.no}</td>
                <td className="code">{r.code}</td>
                <td>{r.procedureName}</td>
                <td>{r.applicantName}</td>
                <td>
                  {r.address}; {r.noPhone ? t('dossier.noPhone') : r.phone}
                </td>
                <td>{when(r.receivedAt)}</td>
                <td>{when(r.dueAt)}</td>
                <td>{r.receivedBy ?? ''}</td>
                <td>{r.handedTo ?? ''}</td>
                <td>{when(r.finishedAt)}</td>
                <td>{when(r.returnedAt)}</td>
                <td>
                  {[t(r.channel === 'desk' ? 'register.desk' : 'register.online'), ...(['registered', 'accepted', 'processing', 'processed', 'returned'].includes(r.status) ? [] : [t(`status.${r.status}`)]), ...(r.rescheduled ? [t('register.rescheduled')] : [])].join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
