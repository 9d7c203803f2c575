// A dossier set aside: the reason in plain words and what the person can do about it: fix it,
// try again, keep a copy in a file (to bring to the commune's desk), or delete it (just below).
import type { Procedure } from '@hsc/shared/schemas';
import type { DossierRecord } from '../../db/types.ts';
import { reopenDraft, resendAsNew, retryDossier } from '../../db/dossiers.ts';
import { requestSync } from '../../sync/client.ts';
import { useLang } from '../hooks/useLang.ts';
import { navigate, paths } from '../router.tsx';
import { ExportButton } from './ExportButton.tsx';
import { labelForPath } from './labels.ts';

export function AttentionPanel({ dossier, procedure }: { dossier: DossierRecord; procedure: Procedure | null }) {
  const { t, lang } = useLang();
  const error = dossier.lastError;
  const code = error?.code ?? 'rejected';
  // Labels come from the version the dossier was filled in.
  const form = dossier.procedure ?? procedure;
  // A retired procedure takes no new dossiers: no edit can fix that, the commune can advise.
  const retired = error?.fields?.some((f) => f.code === 'procedureRetired') ?? false;
  const fields = error?.fields?.filter((f) => f.code !== 'procedureRetired') ?? [];
  const retry = async () => {
    await retryDossier(dossier.id);
    requestSync(true);
  };
  const edit = async () => {
    await reopenDraft(dossier.id);
    navigate(paths.edit(dossier.id), { replace: true });
  };
  const asNew = async () => {
    const id = await resendAsNew(dossier.id);
    if (id) {
      navigate(paths.dossier(id), { replace: true });
      requestSync(true);
    }
  };
  return (
    <div className="attention" role="alert" data-testid="attention">
      <h2>{t('detail.attentionTitle')}</h2>
      <p data-testid="attention-reason">{retired ? t('errors.procedureRetired') : t(`detail.reason.${code}`, { message: error?.message ?? '' })}</p>
      {fields.length > 0 && !retired ? (
        <ul className="summary-list">
          {fields.map((f) => (
            <li key={f.path}>
              {/* A missing form version is about the whole dossier, not one field. */}
              {f.path === 'procedureVersion' ? null : (
                <>
                  <strong>{labelForPath(f.path, form, t, lang)}</strong>:{' '}
                </>
              )}
              {t(`errors.${f.code}` as 'errors.required', { defaultValue: f.message })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="stack">
        {code === 'invalid' && !retired ? (
          <button type="button" className="btn btn-primary btn-block" data-testid="attention-edit" onClick={() => void edit()}>
            {t('detail.edit')}
          </button>
        ) : code === 'conflict' ? (
          <button type="button" className="btn btn-primary btn-block" data-testid="attention-new" onClick={() => void asNew()}>
            {t('detail.resendNew')}
          </button>
        ) : null}
        <button type="button" className={`btn ${code === 'invalid' || code === 'conflict' || retired ? 'btn-secondary' : 'btn-primary'} btn-block`} data-testid="attention-retry" onClick={() => void retry()}>
          {t('detail.retry')}
        </button>
        <ExportButton dossierId={dossier.id} />
      </div>
    </div>
  );
}
