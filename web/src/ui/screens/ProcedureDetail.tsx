// One procedure: what to bring, how long, how much, where; then one button to start.
import type { Procedure, TemplateRef } from '@hsc/shared/schemas';
import { getProcedure, listUnits } from '../../db/catalog.ts';
import { useRef, useState } from 'react';
import { createDraft, listDossiers } from '../../db/dossiers.ts';
import type { DossierState } from '../../db/types.ts';
import { getSettings } from '../../db/settings.ts';
import { askPersistence, isQuotaError } from '../../db/storage.ts';
import { localized } from '../../i18n/index.ts';
import { ReadAloud } from '../components/ReadAloud.tsx';
import { formatBytes } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useOnline } from '../hooks/useOnline.ts';
import { navigate, paths } from '../router.tsx';

const ON_WAY: readonly DossierState[] = ['queued', 'sending', 'attention'];

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
  // A dossier of this procedure already on its way (Back pressed while it sends): say so and
  // lead to it, rather than invite a second one.
  const onWay = useLiveQuery(async () => (await listDossiers()).find((d) => d.procedureCode === code && ON_WAY.includes(d.state)), [code]);
  const units = useLiveQuery(listUnits, []);
  const [full, setFull] = useState(false);
  // What is read aloud: the name, the facts and the documents to bring (not the buttons).
  const spoken = useRef<HTMLDivElement>(null);
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
      <ReadAloud from={spoken} testId="read-procedure" />
      <div ref={spoken}>
        <h1>{localized(procedure.name, lang)}</h1>
        <dl className="facts">
          <Level level={procedure.level} />
          <dt>{t('procedure.time')}</dt>
          <dd>{localized(procedure.processingTime, lang)}</dd>
          <dt>{t('procedure.fee')}</dt>
          <dd>{localized(procedure.fee, lang)}</dd>
          {procedure.feeExemption ? (
            <>
              <dt>{t('procedure.feeExemption')}</dt>
              <dd data-testid="procedure-fee-exemption">{localized(procedure.feeExemption, lang)}</dd>
            </>
          ) : null}
          <dt>{t('procedure.where')}</dt>
          <dd>{localized(procedure.where, lang)}</dd>
          {procedure.legalBasis ? (
            <>
              <dt>{t('procedure.legalBasis')}</dt>
              <dd className="small" data-testid="procedure-legal-basis">
                {localized(procedure.legalBasis, lang)}
              </dd>
            </>
          ) : null}
        </dl>
        <h2>{t('procedure.documents')}</h2>
        <ul className="checklist">
          {procedure.documents.map((d) => (
            <li key={d.key}>
              {localized(d.label, lang)}{' '}
              <span className="muted small">
                ({d.required ? t('procedure.required') : t('procedure.optional')}, {t('procedure.maxPages', { count: d.maxPages })})
              </span>
              {d.template ? <BlankForm slot={d.key} template={d.template} /> : null}
            </li>
          ))}
        </ul>
      </div>
      <h2>{t('procedure.fields')}</h2>
      {/* One line each: labels are often questions ("…không?"), which a joined sentence garbles. */}
      <ul className="checklist" data-testid="procedure-fields">
        {procedure.fields.map((f) => (
          <li key={f.key}>{localized(f.label, lang)}</li>
        ))}
      </ul>
      <div className="sticky-actions">
        {full ? (
          <p className="error" role="alert">
            {t('procedure.startQuota')}
          </p>
        ) : null}
        {onWay ? (
          <div className="notice" role="status" data-testid="procedure-on-way">
            <p>{t('procedure.onWay', { unit: units?.find((u) => u.code === onWay.unitCode)?.name ?? onWay.unitCode })}</p>
            <button type="button" className="btn btn-primary btn-block" data-testid="procedure-on-way-open" onClick={() => navigate(paths.dossier(onWay.id))}>
              {t('procedure.onWayOpen')}
            </button>
          </div>
        ) : null}
        <button type="button" className={onWay ? 'btn btn-secondary btn-block' : 'btn btn-primary btn-block'} data-testid="start-dossier" onClick={start}>
          {onWay ? t('procedure.startAnother') : t('procedure.start')}
        </button>
      </div>
    </section>
  );
}

/** The service level in plain words: what can be done online, and what still needs a visit. */
function Level({ level }: { level: Procedure['level'] }) {
  const { t } = useLang();
  if (level === undefined) return null;
  return (
    <>
      <dt>{t('procedure.level')}</dt>
      <dd data-testid="procedure-level">
        {level === 4 ? (
          t('procedure.level4')
        ) : (
          <>
            {t('procedure.level3')}. <span className="muted small">{t('procedure.level3Note')}</span>
          </>
        )}
      </dd>
    </>
  );
}

/**
 * The blank form (tờ khai) of a slot, to read or print before filling it in. It is fetched
 * from the server when opened, never kept on the phone, so it plainly says it needs a connection.
 */
function BlankForm({ slot, template }: { slot: string; template: TemplateRef }) {
  const { t, lang } = useLang();
  const online = useOnline();
  if (!online) {
    return (
      <p className="muted small" data-testid={`template-offline-${slot}`}>
        {t('procedure.templateOffline')}
      </p>
    );
  }
  return (
    <span className="template">
      <a
        className="btn btn-secondary btn-small"
        href={`/api/catalog/templates/${encodeURIComponent(template.id)}`}
        target="_blank"
        rel="noopener"
        data-testid={`template-${slot}`}
      >
        {t('procedure.template')}
      </a>
      <span className="muted small">{t('procedure.templateNote', { name: template.fileName, size: formatBytes(template.size, lang) })}</span>
    </span>
  );
}
