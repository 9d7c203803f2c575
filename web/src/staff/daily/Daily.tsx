// The leader's day on the console's home: received today, due on the next working day,
// overdue, waiting on the citizen, for the unit. The server counts them with the working-day
// calendar; each figure opens the same query as a list (/staff/today/<view>).
import { DossierListResponse } from '@hsc/shared/desk';
import { DailySummary, DAILY_VIEWS, type DailyView } from '@hsc/shared/staff-admin';
import { useEffect, useRef, useState } from 'react';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { request } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT, type StaffKey } from '../i18n/index.ts';
import { DeadlineBadgeView, StatusChip } from '../queue/Badges.tsx';
import { staffPaths } from '../routes.ts';

const FIGURE: Record<DailyView, keyof Pick<DailySummary, 'receivedToday' | 'dueTomorrow' | 'overdue' | 'waitingCitizen'>> = {
  received_today: 'receivedToday',
  due_next: 'dueTomorrow',
  overdue: 'overdue',
  waiting: 'waitingCitizen',
};

export const getDaily = () => request(DailySummary, '/api/staff/daily');
export const getDailyList = (view: DailyView) => request(DossierListResponse, `/api/staff/dossiers?${new URLSearchParams({ view, limit: '200' })}`);

function useLoad<T>(load: () => Promise<T>, key: string) {
  const { t } = useStaffT();
  const tRef = useRef(t);
  tRef.current = t;
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: errorText(tRef.current, e) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

const label = (view: DailyView, s: DailySummary | undefined, t: ReturnType<typeof useStaffT>['t']) =>
  t(`summary.${FIGURE[view]}` as StaffKey, s ? { date: formatDate(s.nextWorkday) } : { date: '' });

export function DailyCard() {
  const { t } = useStaffT();
  const { data, error } = useLoad(getDaily, 'daily');
  if (error) return null; // the queue below still works; the figures are a convenience
  return (
    <section className="panel daily" aria-labelledby="daily-title" data-testid="daily">
      <h2 id="daily-title">
        {t('summary.title')}
        {data ? <span className="small"> · {t('summary.date', { date: formatDate(data.date) })}</span> : null}
      </h2>
      <ul className="daily-figures plain-list">
        {DAILY_VIEWS.map((v) => (
          <li key={v}>
            <Link to={staffPaths.daily(v)} className="daily-figure" data-testid={`daily-${v}`} data-view={v}>
              <strong className="daily-count">{data ? data[FIGURE[v]] : '…'}</strong> <span>{label(v, data, t)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DailyList({ view }: { view: DailyView }) {
  const { t } = useStaffT();
  const summary = useLoad(getDaily, 'daily');
  const { data, error } = useLoad(() => getDailyList(view), view);
  return (
    <section className="panel" aria-labelledby="daily-list-title" data-testid="daily-list">
      <p>
        <Link to={staffPaths.queue()}>{t('app.back')}</Link>
      </p>
      <h1 id="daily-list-title">{label(view, summary.data, t)}</h1>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : !data ? (
        <p className="muted">{t('app.loading')}</p>
      ) : data.items.length === 0 ? (
        <p className="muted" data-testid="daily-list-empty">
          {t('queue.empty')}
        </p>
      ) : (
        <ul className="plain-list">
          {data.items.map((d) => (
            <li key={d.id}>
              <Link to={staffPaths.dossier(d.id)} className="qitem" data-testid="daily-item" data-id={d.id}>
                <span className="mono">{d.code}</span> · {d.applicantName} · <StatusChip status={d.status} /> <DeadlineBadgeView badge={d.badge} />{' '}
                <span className="small">{formatDateTime(d.dueAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
