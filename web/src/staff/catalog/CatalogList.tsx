// Every procedure of the province with where it stands; found by words typed without tones, or
// narrowed by field of law and status. Creating, importing and exporting start here.
import { matchesQuery } from '@hsc/shared/fold';
import type { AdminProcedure } from '@hsc/shared/procedure';
import { useMemo, useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { Link } from '../../ui/router.tsx';
import { adminProceduresPath, listAdminProcedures } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { staffPaths } from '../routes.ts';
import { OfflineNote } from '../Shell.tsx';
import { ExportButton } from './ExportButton.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { StateChips } from './StateLine.tsx';
import { currentDef, matchesState, type ListState } from './status.ts';

const STATES: ListState[] = ['draft', 'published', 'pending', 'retired'];

function searchable(p: AdminProcedure): string[] {
  const def = currentDef(p);
  return def ? [p.code, def.name.vi, def.name.en, def.field.vi, ...(def.keywords ?? [])] : [p.code];
}

export function CatalogList() {
  const { t, lang } = useStaffT();
  const list = useResource(adminProceduresPath, listAdminProcedures);
  const [query, setQuery] = useState('');
  const [field, setField] = useState('');
  const [state, setState] = useState<ListState | ''>('');
  const [importing, setImporting] = useState(false);
  const all = useMemo(() => list.data?.procedures ?? [], [list.data]);
  const names = useMemo(() => new Map(all.map((p) => [p.code, currentDef(p)?.name.vi ?? ''])), [all]);
  const fields = useMemo(() => [...new Set(all.map((p) => currentDef(p)?.field.vi ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi')), [all]);
  const shown = useMemo(
    () =>
      all
        .filter((p) => matchesQuery(query, ...searchable(p)) && (!field || currentDef(p)?.field.vi === field) && matchesState(p, state))
        .sort((a, b) => (currentDef(a)?.name.vi ?? a.code).localeCompare(currentDef(b)?.name.vi ?? b.code, 'vi')),
    [all, query, field, state],
  );

  return (
    <section aria-labelledby="catalog-title" className="ccatalog">
      <h1 id="catalog-title">{t('catalog.list.title')}</h1>
      <p className="small muted">{t('catalog.list.intro')}</p>
      <div className="row ctools staff-chrome">
        <Link to={staffPaths.procedure(null)} className="btn btn-primary" data-testid="add-procedure">
          + {t('catalog.list.add')}
        </Link>
        <button type="button" className="btn btn-secondary" data-testid="open-import" aria-expanded={importing} onClick={() => setImporting(!importing)}>
          {t('catalog.list.import')}
        </button>
        <ExportButton />
      </div>
      {importing ? <ImportPanel onClose={() => setImporting(false)} onImported={list.reload} known={names} /> : null}
      <div className="queue-tools cfilters staff-chrome">
        <label className="field csearch">
          <span className="label">{t('catalog.list.search')}</span>
          <input className="input" type="search" data-testid="catalog-search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('catalog.list.field')}</span>
          <select className="input" data-testid="catalog-field" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('catalog.list.allFields')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('catalog.list.status')}</span>
          <select className="input" data-testid="catalog-status" value={state} onChange={(e) => setState(e.target.value as ListState | '')}>
            <option value="">{t('catalog.list.allStatuses')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`catalog.list.filters.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <OfflineNote since={list.staleSince} onRetry={list.reload} />
      {list.error && !list.data ? <p className="serror">{errorText(t, list.error)}</p> : null}
      {!list.data && !list.error ? <p className="muted">{t('catalog.list.loading')}</p> : null}
      {list.data ? (
        <>
          <p className="small muted" data-testid="catalog-count">
            {t('catalog.list.count', { shown: shown.length, total: all.length })}
          </p>
          {shown.length === 0 ? <p className="empty muted">{t(all.length ? 'catalog.list.emptySearch' : 'catalog.list.empty')}</p> : null}
          <ul className="qlist" data-testid="catalog-list">
            {shown.map((p) => {
              const def = currentDef(p);
              return (
                <li key={p.code}>
                  <Link to={staffPaths.procedure(p.code)} className="qitem citem" data-testid="catalog-row" data-code={p.code}>
                    <span className="qitem-main">
                      <strong className="qitem-name">{def ? localized(def.name, lang) : p.code}</strong>
                      <span className="small muted">{p.code}</span>
                    </span>
                    <span className="qitem-meta small">{def ? localized(def.field, lang) : ''}</span>
                    <span className="qitem-state">
                      <StateChips p={p} />
                      <span className="small muted">{p.version === null ? t('catalog.list.neverPublished') : t('catalog.list.version', { n: p.version })}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
