import { useState, useSyncExternalStore } from 'react';
import { updateStore } from '../../pwa/update-store.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';

export function UpdateBanner() {
  const apply = useSyncExternalStore(updateStore.subscribe, updateStore.get, () => null);
  const [later, setLater] = useState(false);
  const unsent = useLiveQuery((db) => db.countUnsent(), []);
  const { t } = useLang();
  if (!apply || later) return null;
  return (
    <div className="banner" data-testid="update-banner" role="status">
      <p>
        <strong>{t('update.available')}</strong>
        {unsent ? <> {t('update.unsent', { count: unsent })}</> : null}
      </p>
      <div className="banner-actions">
        <button type="button" className="btn btn-primary btn-small" onClick={apply}>
          {t('update.apply')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setLater(true)}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
