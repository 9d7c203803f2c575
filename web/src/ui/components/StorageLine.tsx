// A calm line about storage, and a plain warning well before it runs out.
import type { StorageInfo } from '../../db/storage.ts';
import { formatBytes } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

export function StorageLine({ info }: { info: StorageInfo | null | undefined }) {
  const { t, lang } = useLang();
  if (!info) return null;
  return (
    <div className="storage" data-testid="storage" data-low={String(info.low)}>
      {info.low ? (
        <p className="notice" role="alert">
          {t('storage.low', { free: formatBytes(info.free, lang) })}
        </p>
      ) : null}
      <p className="muted small">
        {t('storage.line', { used: formatBytes(info.usage, lang), free: formatBytes(info.free, lang) })}
        {info.persisted ? ` ${t('storage.kept')}` : ''}
      </p>
    </div>
  );
}

/** Only the warning, for screens where space is being used up (the form). */
export function StorageWarning({ info }: { info: StorageInfo | null | undefined }) {
  const { t, lang } = useLang();
  if (!info?.low) return null;
  return (
    <p className="notice" role="alert" data-testid="storage-low">
      {t('storage.low', { free: formatBytes(info.free, lang) })}
    </p>
  );
}
