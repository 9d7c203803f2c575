// The queue: the unit's dossiers by status tab, most urgent first, with deadline badges and a
// search by code, name, phone or citizen ID. Province viewers see every unit and can pick one.
// It stays live (live.ts): what arrives while it is open appears in place, quietly marked.
import type { DossierListItem } from '@hsc/shared/desk';
import type { StaffUser } from '@hsc/shared/staff';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localized } from '../../i18n/index.ts';
import { Link } from '../../ui/router.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { listDossiers, queuePath } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { useReference } from '../reference.ts';
import { staffPaths } from '../routes.ts';
import { OfflineNote } from '../Shell.tsx';
import { UnitSelect } from '../UnitSelect.tsx';
import { currentBadge, DeadlineBadgeView, StatusChip } from './Badges.tsx';
import { useLiveQueue } from './live.ts';
import { MINE_TAB, QUEUE_TABS, statusesOf, type QueueFilter } from './tabs.ts';

const PAGE = 50;

export function Queue({ user, filter, onFilter }: { user: StaffUser; filter: QueueFilter; onFilter: (f: QueueFilter) => void }) {
  const { t, lang } = useStaffT();
  const ref = useReference();
  const province = user.role === 'province';
  const mine = filter.tab === MINE_TAB;
  const query = { statuses: statusesOf(filter.tab), q: filter.q, unit: province ? filter.unit || undefined : undefined, limit: PAGE, ...(mine ? { holder: 'me' as const } : {}) };
  const key = queuePath(query);
  const list = useResource(key, () => listDossiers(query));
  const [more, setMore] = useState<{ items: DossierListItem[]; cursor?: string; error?: string }>({ items: [] });
  useEffect(() => setMore({ items: [] }), [key]);
  // "Mine" spans every status: while it is open the live queue counts it as "all".
  const live = useLiveQueue(query.unit, filter.tab === MINE_TAB ? 'all' : filter.tab, list.reload);

  // Dossiers that came in while the list was open get a quiet highlight.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const known = useRef<{ key: string; ids: Set<string> }>(undefined);
  useEffect(() => {
    const ids = list.data?.items.map((i) => i.id);
    if (!ids) return;
    if (known.current?.key !== key) {
      known.current = { key, ids: new Set(ids) };
      setFresh(new Set());
      return;
    }
    const seen = known.current.ids;
    const added = ids.filter((id) => !seen.has(id));
    for (const id of added) seen.add(id);
    if (added.length) setFresh((f) => new Set([...f, ...added]));
  }, [key, list.data]);

  const items = [...(list.data?.items ?? []), ...more.items];
  const cursor = more.items.length ? more.cursor : list.data?.nextCursor;
  const loadMore = async () => {
    try {
      const next = await listDossiers({ ...query, cursor });
      setMore((m) => ({ items: [...m.items, ...next.items], cursor: next.nextCursor }));
    } catch (e) {
      setMore((m) => ({ ...m, error: errorText(t, e) }));
    }
  };

  const unitName = (code: string) => ref.units.get(code)?.name ?? code;

  return (
    <section className="queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{province ? t('queue.titleProvince') : t('queue.title')}</h1>
      <div className="queue-tools">
        <SearchBox value={filter.q} onSearch={(q) => onFilter({ ...filter, q })} />
        {province ? (
          <UnitSelect
            className="field unit-filter"
            label={t('queue.unit')}
            allLabel={t('queue.allUnits')}
            testId="queue-unit"
            value={filter.unit}
            onChange={(unit) => onFilter({ ...filter, unit })}
          />
        ) : null}
      </div>
      <div className="tabs" role="tablist" aria-label={t('queue.title')}>
        {province ? null : (
          <button type="button" role="tab" className="tab" aria-selected={mine} data-testid="tab-mine" onClick={() => onFilter({ ...filter, tab: MINE_TAB })}>
            {t('queue.tabs.mine')}
          </button>
        )}
        {QUEUE_TABS.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            className="tab"
            aria-selected={filter.tab === tab.key}
            data-testid={`tab-${tab.key}`}
            onClick={() => onFilter({ ...filter, tab: tab.key })}
          >
            {t(`queue.tabs.${tab.key}`)}
            {live.fresh[tab.key] ? (
              <span className="tab-new" data-testid={`tab-new-${tab.key}`}>
                {t('queue.fresh', { count: live.fresh[tab.key] })}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <OfflineNote since={list.staleSince} onRetry={list.reload} />
      {list.error && !list.staleSince ? (
        <p className="serror" role="alert">
          {errorText(t, list.error)}
        </p>
      ) : null}
      {list.loading && !list.data ? <p className="muted">{t('queue.loading')}</p> : null}
      {list.data && items.length === 0 ? (
        <p className="empty muted" data-testid="queue-empty">
          {filter.q ? t('queue.emptySearch', { q: filter.q }) : t('queue.empty')}
        </p>
      ) : null}
      {items.length ? (
        <p className="muted small" aria-live="polite">
          {cursor ? t('queue.countMore', { count: items.length }) : t('queue.count', { count: items.length })}
        </p>
      ) : null}
      <ul className="qlist" data-testid="queue-list">
        {items.map((d) => (
          <li key={d.id}>
            <Link to={staffPaths.dossier(d.id)} className={fresh.has(d.id) ? 'qitem qitem-new' : 'qitem'} data-testid="queue-item" data-id={d.id} data-code={d.code} data-new={fresh.has(d.id) || undefined}>
              <span className="qitem-main">
                <span className="code">
                  {d.code}
                  {fresh.has(d.id) ? <span className="qitem-new-mark"> · {t('queue.new')}</span> : null}
                </span>
                <strong className="qitem-name">{d.applicantName}</strong>
                <span className="muted small">
                  {ref.procedures.get(d.procedureCode) ? localized(ref.procedures.get(d.procedureCode)!.name, lang) : d.procedureCode}
                  {province ? ` · ${unitName(d.unitCode)}` : ''}
                </span>
              </span>
              <span className="qitem-meta small">
                <span>
                  {t('queue.received')}: {formatDateTime(d.receivedAt)}
                </span>
                <span>
                  {t('queue.due')}: {formatDateTime(d.dueAt)}
                </span>
                <span className="muted">
                  {d.noPhone ? t('dossier.noPhone') : d.phone} · {t(`queue.channel.${d.channel}`)}
                </span>
                {d.holder !== undefined ? (
                  <span data-testid="queue-holder" data-mine={d.holder?.id === user.id || undefined}>
                    {t('queue.holder')}: {d.holder ? d.holder.name : t('handover.desk')}
                  </span>
                ) : null}
              </span>
              <span className="qitem-state">
                <StatusChip status={d.status} />
                <DeadlineBadgeView badge={currentBadge(d.status, d.dueAt, d.badge, ref.calendar)} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {more.error ? <p className="serror">{more.error}</p> : null}
      {cursor ? (
        <button type="button" className="btn btn-secondary" data-testid="queue-more" onClick={() => void loadMore()}>
          {t('queue.more')}
        </button>
      ) : null}
    </section>
  );
}

/** Searches on Enter or the button, and by itself shortly after typing stops. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useStaffT();
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => latest.current(text.trim()), 500);
    return () => clearTimeout(timer);
  }, [text, value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="queue-search">
        {t('queue.search')}
      </label>
      <input
        id="queue-search"
        className="input"
        type="search"
        data-testid="queue-search"
        placeholder={t('queue.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <button type="submit" className="btn btn-primary" data-testid="queue-search-go">
        {t('queue.searchButton')}
      </button>
      {value ? (
        <button type="button" className="btn btn-ghost" onClick={() => onSearch('')}>
          {t('queue.clear')}
        </button>
      ) : null}
    </form>
  );
}
