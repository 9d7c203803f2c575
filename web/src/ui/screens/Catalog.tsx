// The catalog: a search that forgives (tones, đ, "kí"/"ký", everyday words such as "hộ khẩu")
// over the procedures kept on the phone and, before anything is typed, big buttons for what is
// happening in the person's life and a list of fields of law, for those who do not know a name.
import { foldVi } from '@hsc/shared/fold';
import { LIFE_EVENTS } from '@hsc/shared/life-events';
import type { LifeEvent, Procedure } from '@hsc/shared/schemas';
import { buildSearchIndex, byField, byLifeEvent, fieldsOf, lifeEventsOf, searchCatalog, type SearchIndex } from '@hsc/shared/search';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { listProcedures } from '../../db/catalog.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { Link, paths, rememberCatalogView } from '../router.tsx';

/**
 * Rows drawn at once. Drawing every one of 300 procedures costs a cheap phone a visible pause
 * on each keystroke; the best matches come first, so the rest wait for "Xem thêm".
 */
export const PAGE = 30;

type Browse = { kind: 'event'; event: LifeEvent } | { kind: 'field'; field: string } | { kind: 'all' } | null;
interface View {
  query: string;
  browse: Browse;
}

// The view lives in the URL, so the phone's Back button and a return from a procedure both
// land on the list the person was looking at.
function viewFromUrl(): View {
  // At build time (prerender.tsx) there is no URL: the catalog as first opened.
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const event = params.get('event');
  const field = params.get('field');
  const browse: Browse =
    event && event in LIFE_EVENTS ? { kind: 'event', event: event as LifeEvent } : field ? { kind: 'field', field } : params.has('all') ? { kind: 'all' } : null;
  return { query: params.get('q') ?? '', browse };
}

function urlOf({ query, browse }: View): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (browse?.kind === 'event') params.set('event', browse.event);
  if (browse?.kind === 'field') params.set('field', browse.field);
  if (browse?.kind === 'all') params.set('all', '1');
  const search = params.toString();
  return search ? `${paths.catalog()}?${search}` : paths.catalog();
}

/** Marks a history entry this screen pushed, so "choose again" can go back to it. */
const BROWSE_STATE = { catalogBrowse: true };

export function Catalog() {
  const { t } = useLang();
  const procedures = useLiveQuery(listProcedures, []);
  const index = useMemo(() => buildSearchIndex(procedures ?? []), [procedures]);
  const [view, setView] = useState(viewFromUrl);
  // Typing stays instant; the list follows as soon as the phone has a moment.
  const query = useDeferredValue(view.query);
  const found = useMemo(() => (query.trim() ? searchCatalog(index, query) : null), [index, query]);

  useEffect(() => {
    const onPop = () => setView(viewFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const current = useRef(view);
  current.current = view;
  const remember = useCallback(() => {
    const from = urlOf(current.current);
    rememberCatalogView(from);
    history.replaceState(history.state, '', from);
  }, []);

  const choose = (browse: Browse) => {
    history.pushState(BROWSE_STATE, '', urlOf({ query: '', browse }));
    setView({ query: '', browse });
  };
  const chooseAgain = () => {
    if ((history.state as typeof BROWSE_STATE | null)?.catalogBrowse) history.back();
    else {
      history.replaceState(null, '', paths.catalog());
      setView({ query: '', browse: null });
    }
  };

  return (
    <section className="screen">
      <h1>{t('catalog.title')}</h1>
      <label className="field">
        <span className="label">{t('catalog.search')}</span>
        <input
          type="search"
          className="input"
          data-testid="catalog-search"
          value={view.query}
          placeholder={t('catalog.searchHint')}
          autoComplete="off"
          onChange={(e) => setView((v) => ({ ...v, query: e.target.value }))}
        />
      </label>
      {procedures === undefined ? (
        <p className="muted">{t('catalog.loading')}</p>
      ) : procedures.length === 0 ? (
        <p className="notice">{t('catalog.empty')}</p>
      ) : found ? (
        <>
          <p className="muted small" role="status">
            {found.length ? t('catalog.found', { count: found.length }) : t('catalog.none')}
          </p>
          {found.length ? <ProcedureList key={query} items={found} onOpen={remember} /> : <BrowseMenu index={index} onChoose={choose} />}
        </>
      ) : view.browse ? (
        <Browsed index={index} browse={view.browse} onOpen={remember} onBack={chooseAgain} />
      ) : (
        <BrowseMenu index={index} onChoose={choose} />
      )}
    </section>
  );
}

function Browsed({ index, browse, onOpen, onBack }: { index: SearchIndex; browse: NonNullable<Browse>; onOpen: () => void; onBack: () => void }) {
  const { t, lang } = useLang();
  const items = useMemo(
    () => (browse.kind === 'event' ? byLifeEvent(index, browse.event) : browse.kind === 'field' ? byField(index, browse.field) : index.all),
    [index, browse],
  );
  const title =
    browse.kind === 'event'
      ? localized(LIFE_EVENTS[browse.event], lang)
      : browse.kind === 'field'
        ? localized(items[0]?.field ?? { vi: browse.field, en: browse.field }, lang)
        : t('catalog.allTitle');
  return (
    <>
      <button type="button" className="btn btn-ghost back-inline" data-testid="catalog-choose-again" onClick={onBack}>
        ← {t('catalog.chooseAgain')}
      </button>
      <h2 data-testid="catalog-browse-title">{title}</h2>
      {items.length ? (
        <ProcedureList key={urlOf({ query: '', browse })} items={items} onOpen={onOpen} />
      ) : (
        <p className="muted" role="status">
          {t('catalog.none')}
        </p>
      )}
    </>
  );
}

function BrowseMenu({ index, onChoose }: { index: SearchIndex; onChoose: (b: Browse) => void }) {
  const { t, lang } = useLang();
  const events = useMemo(() => lifeEventsOf(index), [index]);
  const fields = useMemo(() => fieldsOf(index), [index]);
  return (
    <>
      {events.length ? (
        <>
          <h2>{t('catalog.byEvent')}</h2>
          <ul className="life-events">
            {events.map(({ event, count }) => (
              <li key={event}>
                <button type="button" className="life-event" data-testid={`catalog-event-${event}`} onClick={() => onChoose({ kind: 'event', event })}>
                  <span>{localized(LIFE_EVENTS[event], lang)}</span>
                  <span className="muted small">{t('catalog.count', { count })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('catalog.byField')}</h2>
      <ul className="cards">
        {fields.map(({ field, count }) => (
          <li key={field.vi}>
            <button
              type="button"
              className="card card-link card-button"
              data-testid={`catalog-field-${foldVi(field.vi).replaceAll(' ', '-')}`}
              onClick={() => onChoose({ kind: 'field', field: field.vi })}
            >
              <strong className="card-title">{localized(field, lang)}</strong>
              <span className="muted small">{t('catalog.count', { count })}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-secondary btn-block" data-testid="catalog-all" onClick={() => onChoose({ kind: 'all' })}>
        {t('catalog.all', { count: index.all.length })}
      </button>
    </>
  );
}

/** A list drawn a page at a time; give it a new `key` to start again from the top. */
function ProcedureList({ items, onOpen }: { items: readonly Procedure[]; onOpen: () => void }) {
  const { t, lang } = useLang();
  const [shown, setShown] = useState(PAGE);
  const rest = items.length - shown;
  return (
    <>
      <ul className="cards">
        {items.slice(0, shown).map((p) => (
          <ProcedureRow key={p.code} procedure={p} lang={lang} onOpen={onOpen} />
        ))}
      </ul>
      {rest > 0 ? (
        <button type="button" className="btn btn-secondary btn-block" data-testid="catalog-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('catalog.more', { count: Math.min(rest, PAGE) })}
        </button>
      ) : null}
    </>
  );
}

// Memoised: as the person types, rows that stay in the list are not drawn again.
const ProcedureRow = memo(function ProcedureRow({ procedure: p, lang, onOpen }: { procedure: Procedure; lang: string; onOpen: () => void }) {
  return (
    <li>
      <Link to={paths.procedure(p.code)} className="card card-link" data-testid={`procedure-${p.code}`} onClick={onOpen}>
        <strong className="card-title">{localized(p.name, lang)}</strong>
        <span className="muted small">
          {localized(p.field, lang)} · {localized(p.processingTime, lang)}
        </span>
      </Link>
    </li>
  );
});
