// One procedure: what to bring, how long, how much, where; then one button to start.
import { getProcedure } from '../../db/catalog.ts';
import { useState } from 'react';
import { createDraft } from '../../db/dossiers.ts';
import { getSettings } from '../../db/settings.ts';
import { askPersistence, isQuotaError } from '../../db/storage.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { navigate, paths } from '../router.tsx';

/** Creates the draft; `false` when the phone's storage is full and nothing could be saved. */
export async function startDossier(code: string, replace = false): Promise<boolean> {
  let d;
  try {
    d = await createDraft(code);
  } catch (e) {
    if (isQuotaError(e)) return false;
    throw e;
  }
  // The first thing the person saves is worth keeping: ask the browser not to evict it.
  void askPersistence();
  navigate(paths.edit(d.id), { replace });
  return true;
}

export function ProcedureDetail({ code }: { code: string }) {
  const { t, lang } = useLang();
  const procedure = useLiveQuery(() => getProcedure(code), [code]);
  const settings = useLiveQuery(getSettings, []);
  const [full, setFull] = useState(false);
  if (procedure === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (procedure === null) return <p className="notice">{t('procedure.notFound')}</p>;

  const start = () => {
    // The notice comes before the very first dossier only.
    if (settings?.privacyAcceptedAt) void startDossier(code).then((ok) => setFull(!ok));
    else navigate(paths.privacy(code));
  };

  return (
    <section className="screen">
      <p className="muted small">
        {localized(procedure.field, lang)} · {procedure.code}
      </p>
      <h1>{localized(procedure.name, lang)}</h1>
      <dl className="facts">
        <dt>{t('procedure.time')}</dt>
        <dd>{localized(procedure.processingTime, lang)}</dd>
        <dt>{t('procedure.fee')}</dt>
        <dd>{localized(procedure.fee, lang)}</dd>
        <dt>{t('procedure.where')}</dt>
        <dd>{localized(procedure.where, lang)}</dd>
      </dl>
      <h2>{t('procedure.documents')}</h2>
      <ul className="checklist">
        {procedure.documents.map((d) => (
          <li key={d.key}>
            {localized(d.label, lang)}{' '}
            <span className="muted small">
              ({d.required ? t('procedure.required') : t('procedure.optional')}, {t('procedure.maxPages', { count: d.maxPages })})
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('procedure.fields')}</h2>
      <p>{procedure.fields.map((f) => localized(f.label, lang)).join('; ')}.</p>
      <div className="sticky-actions">
        {full ? (
          <p className="error" role="alert">
            {t('procedure.startQuota')}
          </p>
        ) : null}
        <button type="button" className="btn btn-primary btn-block" data-testid="start-dossier" onClick={start}>
          {t('procedure.start')}
        </button>
      </div>
    </section>
  );
}
