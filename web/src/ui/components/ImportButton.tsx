// "Open a dossier from a file" on the home screen: the way a dossier moves to a new phone. The
// import code (and zod) loads only when a file is picked.
import { useRef, useState, type ChangeEvent } from 'react';
import { askPersistence } from '../../db/storage.ts';
import type { ImportResult } from '../../transfer/import.ts';
import { requestSync } from '../../sync/client.ts';
import { useLang } from '../hooks/useLang.ts';
import { Icon } from './Icon.tsx';
import { Link, navigate, paths } from '../router.tsx';

type Shown = ImportResult | { ok: false; reason: 'failed' } | { busy: true };

export function ImportButton() {
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setShown({ busy: true });
    let result: Shown;
    try {
      const { importDossier } = await import('../../transfer/import.ts');
      result = await importDossier(file);
    } catch (err) {
      console.error('import failed', err);
      result = { ok: false, reason: 'failed' };
    }
    setShown(result);
    if ('ok' in result && result.ok) {
      void askPersistence();
      if (result.state === 'queued') requestSync(true);
      navigate(result.state === 'draft' ? paths.edit(result.id) : paths.dossier(result.id));
    }
  };

  return (
    <div className="import">
      <button type="button" className="btn btn-ghost btn-block" data-testid="import-dossier" onClick={() => input.current?.click()}>
        <Icon name="file" />
        {t('transfer.import')}
      </button>
      <input ref={input} className="visually-hidden" tabIndex={-1} aria-hidden="true" type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void onPick(e)} />
      {shown && 'busy' in shown ? (
        <p className="muted small" role="status">
          {t('transfer.importing')}
        </p>
      ) : shown && !shown.ok ? (
        <p className="error" role="alert" data-testid="import-problem" data-reason={shown.reason}>
          {shown.reason === 'damaged'
            ? t('transfer.damaged', { detail: shown.detail })
            : shown.reason === 'exists'
              ? t('transfer.exists', { ref: shown.localRef })
              : t(`transfer.${shown.reason}`)}
          {shown.reason === 'exists' ? (
            <>
              {' '}
              <Link to={paths.dossier(shown.id)}>{t('transfer.open')}</Link>
            </>
          ) : null}
        </p>
      ) : (
        <p className="muted small">{t('transfer.importHint')}</p>
      )}
    </div>
  );
}
