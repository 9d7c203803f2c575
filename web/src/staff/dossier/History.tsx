// What happened to the dossier: supplement requests and answers, the timeline, the forms
// issued (each opens its print preview) and the result document.
import type { DeskDossier } from '@hsc/shared/desk';
import type { Procedure } from '@hsc/shared/schemas';
import { useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { formatBytes, formatDateTime } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { resultUrl } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { staffPaths } from '../routes.ts';
import { openInNewTab } from './openFile.ts';

export function Supplements({ dossier: d, procedure }: { dossier: DeskDossier; procedure: Procedure | undefined }) {
  const { t, lang } = useStaffT();
  if (!d.supplements.length) return null;
  const fieldLabel = (k: string) => {
    const def = procedure?.fields.find((f) => f.key === k);
    return def ? localized(def.label, lang) : k;
  };
  return (
    <section className="scard" aria-labelledby="supp-title">
      <h2 id="supp-title">{t('dossier.supplements')}</h2>
      <ol className="slist">
        {d.supplements.map((s) => (
          <li key={s.id} data-testid="supplement">
            <p className="small muted">{t('dossier.requested', { at: formatDateTime(s.requestedAt), by: s.requestedBy })}</p>
            {s.overrideReason ? (
              <p className="small" data-testid="supplement-override">
                {t('actions.supplement.overridden', { reason: s.overrideReason })}
              </p>
            ) : null}
            <ul>
              {s.items.map((item, i) => (
                <li key={i}>
                  <strong>{item.label}</strong>: {item.reason}
                </li>
              ))}
            </ul>
            <p className={s.answeredAt ? 'verified small' : 'small'}>{s.answeredAt ? t('dossier.answered', { at: formatDateTime(s.answeredAt) }) : t('dossier.waiting')}</p>
            {s.fields && Object.keys(s.fields).length ? <p className="small">{t('dossier.correctedFields', { fields: Object.keys(s.fields).map(fieldLabel).join(', ') })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Timeline({ dossier: d }: { dossier: DeskDossier }) {
  const { t } = useStaffT();
  return (
    <section className="scard" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('dossier.timeline')}</h2>
      <ol className="timeline" data-testid="staff-timeline">
        {d.timeline.map((e, i) => (
          <li key={i} className={i === d.timeline.length - 1 ? 'current' : undefined}>
            <strong>{t(`status.${e.status}`)}</strong> <span className="muted small">{formatDateTime(e.at)}</span>
            {e.note ? <p className="small">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Forms({ dossier: d }: { dossier: DeskDossier }) {
  const { t } = useStaffT();
  return (
    <section className="scard" aria-labelledby="forms-title">
      <h2 id="forms-title">{t('dossier.forms')}</h2>
      {d.forms.length === 0 ? <p className="muted small">{t('dossier.noForms')}</p> : null}
      <ul className="slinks">
        {d.forms.map((f) => (
          <li key={f.id}>
            <Link to={staffPaths.form(f.id)} className="btn btn-secondary" data-testid={`form-link-${f.kind}`}>
              {t('dossier.formLabel', { kind: f.kind, number: f.number })} · {t('dossier.print')}
            </Link>{' '}
            <span className="muted small">{formatDateTime(f.issuedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Result({ dossier: d }: { dossier: DeskDossier }) {
  const { t, lang } = useStaffT();
  const [error, setError] = useState<string>();
  const r = d.result;
  return (
    <section className="scard" aria-labelledby="result-title" data-testid="result">
      <h2 id="result-title">{t('dossier.result')}</h2>
      {!r ? <p className="muted small">{t('dossier.noResult')}</p> : null}
      {r ? (
        <>
          <p>
            <strong>{r.fileName}</strong> <span className="muted small">{formatBytes(r.size, lang)}</span>{' '}
            {r.verified ? <span className="verified small">{t('dossier.verified')}</span> : <span className="serror small">{t('dossier.notVerified')}</span>}
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => openInNewTab(resultUrl(d.id, r.id)).catch((e: unknown) => setError(errorText(t, e)))}
          >
            {t('dossier.openResult')}
          </button>
          {error ? <p className="serror">{error}</p> : null}
        </>
      ) : null}
    </section>
  );
}
