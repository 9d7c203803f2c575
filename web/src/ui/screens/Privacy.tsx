// The notice of Decree 13/2023, shown before the very first dossier (and reachable any time):
// what is collected, why, where and how long it is kept, how to delete it.
import { PHONE_RETENTION_DAYS, SERVER_RETENTION } from '@hsc/shared/retention';
import { useState } from 'react';
import { getProcedure } from '../../db/catalog.ts';
import { acceptPrivacy, getSettings } from '../../db/settings.ts';
import { localized } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { navigate, paths } from '../router.tsx';
import { startDossier } from './ProcedureDetail.tsx';

export function Privacy({ code }: { code?: string }) {
  const { t, lang } = useLang();
  const procedure = useLiveQuery(async () => (code ? getProcedure(code) : null), [code]);
  const settings = useLiveQuery(getSettings, []);
  const sensitive = procedure?.fields.filter((f) => f.sensitive).map((f) => localized(f.label, lang)) ?? [];

  const [full, setFull] = useState(false);
  const accept = async () => {
    await acceptPrivacy();
    if (code) setFull(!(await startDossier(code, true)));
    else navigate(paths.home());
  };

  return (
    <section className="screen prose">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <h2>{t('privacy.collectTitle')}</h2>
      <p>{t('privacy.collect')}</p>
      {sensitive.length ? <p className="notice">{t('privacy.sensitive', { fields: sensitive.join(', ') })}</p> : null}
      <h2>{t('privacy.whyTitle')}</h2>
      <p>{t('privacy.why')}</p>
      <h2>{t('privacy.whereTitle')}</h2>
      <p>{t('privacy.where', { days: PHONE_RETENTION_DAYS })}</p>
      <p>{t('privacy.whereServer', { hours: SERVER_RETENTION.uploadHours, withdrawnDays: SERVER_RETENTION.withdrawnDays, years: SERVER_RETENTION.recordYears })}</p>
      <h2>{t('privacy.deleteTitle')}</h2>
      <p>{t('privacy.delete')}</p>
      {settings?.privacyAcceptedAt && !code ? (
        <p className="muted small">{t('privacy.acceptedAt', { time: formatDateTime(settings.privacyAcceptedAt) })}</p>
      ) : (
        <div className="sticky-actions">
          {full ? (
            <p className="error" role="alert">
              {t('procedure.startQuota')}
            </p>
          ) : null}
          <button type="button" className="btn btn-primary btn-block" data-testid="privacy-accept" onClick={() => void accept()}>
            {t('privacy.accept')}
          </button>
        </div>
      )}
    </section>
  );
}
