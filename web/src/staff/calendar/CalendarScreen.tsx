// The working-day calendar an administrator keeps: days off (holidays, Tết) that due dates skip,
// and make-up working days (a Saturday or Sunday worked instead of a weekday off) that due dates
// count. Every due date the server computes reads it; phones get it with the catalog.
import type { Holiday } from '@hsc/shared/staff';
import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../../ui/format.ts';
import { deleteCalendarDay, getHolidays, putCalendarDay, type CalendarKind } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

function DayList({ kind, days, year, onRemove }: { kind: CalendarKind; days: Holiday[]; year: string; onRemove: (kind: CalendarKind, date: string) => void }) {
  const { t } = useStaffT();
  const shown = days.filter((d) => d.date.startsWith(year)).sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section aria-labelledby={`cal-${kind}`}>
      <h2 id={`cal-${kind}`}>{t(`calendar.${kind}.title`)}</h2>
      {shown.length === 0 ? <p className="muted">{t('calendar.none', { year })}</p> : null}
      <ul className="summary-list" data-testid={`calendar-${kind}`}>
        {shown.map((d) => (
          <li key={d.date} data-date={d.date}>
            <strong>{formatDate(d.date)}</strong>
            {d.name ? ` · ${d.name}` : ''}{' '}
            <button type="button" className="btn btn-small btn-secondary" data-testid={`calendar-remove-${d.date}`} onClick={() => onRemove(kind, d.date)}>
              {t('calendar.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CalendarScreen() {
  const { t } = useStaffT();
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  const [days, setDays] = useState<{ holidays: Holiday[]; workdays: Holiday[] } | undefined>();
  const [kind, setKind] = useState<CalendarKind>('holidays');
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const load = () =>
    getHolidays().then(
      (r) => setDays({ holidays: r.holidays, workdays: r.workdays ?? [] }),
      (e: unknown) => setState({ kind: 'error', text: errorText(t, e) }),
    );
  // Loaded once; every change reloads it from the server, which holds the truth.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), []);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setState({ kind: 'error', text: t('calendar.needDate') });
    if (kind === 'workdays' && !isWeekend(date)) return setState({ kind: 'error', text: t('calendar.needWeekend') });
    setState({ kind: 'saving' });
    try {
      await putCalendarDay(kind, date, name.trim() || null);
      setDate('');
      setName('');
      setState({ kind: 'saved' });
      setYear(date.slice(0, 4));
      await load();
    } catch (err) {
      setState({ kind: 'error', text: errorText(t, err) });
    }
  };

  const remove = async (k: CalendarKind, d: string) => {
    try {
      await deleteCalendarDay(k, d);
      setState({ kind: 'idle' });
      await load();
    } catch (err) {
      setState({ kind: 'error', text: errorText(t, err) });
    }
  };

  const years = [...new Set([year, ...[...(days?.holidays ?? []), ...(days?.workdays ?? [])].map((d) => d.date.slice(0, 4))])].sort();
  return (
    <section className="panel" aria-labelledby="calendar-title">
      <h1 id="calendar-title">{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      <form onSubmit={(e) => void add(e)} noValidate data-testid="calendar-form">
        <fieldset className="field">
          <legend className="label">{t('calendar.kind')}</legend>
          {(['holidays', 'workdays'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="calendar-kind" data-testid={`calendar-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} /> {t(`calendar.${k}.one`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="label">{t('calendar.date')}</span>
          <input className="input" type="date" data-testid="calendar-date" value={date} onChange={(e) => setDate(e.target.value)} />
          {kind === 'workdays' ? <span className="small">{t('calendar.workdays.hint')}</span> : null}
        </label>
        <label className="field">
          <span className="label">{t('calendar.name')}</span>
          <input className="input" data-testid="calendar-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="calendar-add" disabled={state.kind === 'saving'}>
          {t('calendar.add')}
        </button>
        {state.kind === 'saved' ? (
          <p className="ok-line" role="status" data-testid="calendar-saved">
            {t('calendar.saved')}
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p className="error" role="alert" data-testid="calendar-error">
            {state.text}
          </p>
        ) : null}
      </form>
      <label className="field">
        <span className="label">{t('calendar.year')}</span>
        <select className="input" data-testid="calendar-year" value={year} onChange={(e) => setYear(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {days ? (
        <>
          <DayList kind="holidays" days={days.holidays} year={year} onRemove={(k, d) => void remove(k, d)} />
          <DayList kind="workdays" days={days.workdays} year={year} onRemove={(k, d) => void remove(k, d)} />
        </>
      ) : null}
    </section>
  );
}
