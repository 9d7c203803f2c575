// The catalog: search that ignores tones and đ ("dang ky khai sinh" finds "Đăng ký khai sinh").
import { matchesQuery } from '@hsc/shared/fold';
import type { Procedure } from '@hsc/shared/schemas';
import { useMemo, useState } from 'react';
import { listProcedures } from '../../db/catalog.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { Link, paths } from '../router.tsx';

export function searchProcedures(procedures: Procedure[], query: string): Procedure[] {
  return procedures.filter((p) => matchesQuery(query, p.name.vi, p.name.en, p.field.vi, p.field.en, p.code));
}

export function Catalog() {
  const { t, lang } = useLang();
  const procedures = useLiveQuery(listProcedures, []);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchProcedures(procedures ?? [], query), [procedures, query]);
  return (
    <section className="screen">
      <h1>{t('catalog.title')}</h1>
      <label className="field">
        <span className="label">{t('catalog.search')}</span>
        <input
          type="search"
          className="input"
          data-testid="catalog-search"
          value={query}
          placeholder={t('catalog.searchHint')}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {procedures === undefined ? (
        <p className="muted">{t('catalog.loading')}</p>
      ) : procedures.length === 0 ? (
        <p className="notice">{t('catalog.empty')}</p>
      ) : found.length === 0 ? (
        <p className="muted" role="status">
          {t('catalog.none')}
        </p>
      ) : (
        <ul className="cards">
          {found.map((p) => (
            <li key={p.code}>
              <Link to={paths.procedure(p.code)} className="card card-link" data-testid={`procedure-${p.code}`}>
                <strong className="card-title">{localized(p.name, lang)}</strong>
                <span className="muted small">
                  {localized(p.field, lang)} · {localized(p.processingTime, lang)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
