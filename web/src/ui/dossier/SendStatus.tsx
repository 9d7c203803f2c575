// While the dossier is in the outbox: what is happening now, in words and a bar.
import type { DossierRecord } from '../../db/types.ts';
import { linkStore, requestSync } from '../../sync/client.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useNetWaiting } from '../hooks/useNetWaiting.ts';
import { useOnline } from '../hooks/useOnline.ts';
import { useSendProgress } from '../hooks/useSendProgress.ts';

export function SendStatus({ dossier }: { dossier: DossierRecord }) {
  const { t } = useLang();
  const online = useOnline();
  const progress = useSendProgress(dossier.id);
  const silent = useNetWaiting(dossier.id);

  // Connected but nothing moves (for SILENT_MS during a send, or the last try got no answer):
  // plain words and a way to try at once, never a frozen "0 %".
  if (online && (silent || (!progress && dossier.lastError?.code === 'network'))) {
    return (
      <div className="progress-box" data-testid="waiting-network" role="status">
        <p>
          <strong>{t('detail.waitingNetwork')}</strong>
        </p>
        <p>{t('detail.waitingNetworkHint')}</p>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="send-now"
          onClick={() => {
            // A try stuck on the silent link is given up first, so "now" does not wait for the watchdog.
            linkStore.nudge();
            requestSync(true);
          }}
        >
          {t('detail.sendNow')}
        </button>
      </div>
    );
  }

  if (progress) {
    const overall = progress.totalBytes ? Math.round((progress.sentBytes / progress.totalBytes) * 100) : 100;
    return (
      <div className="progress-box" data-testid="send-progress" role="status">
        <p>
          {progress.phase === 'uploading'
            ? t('detail.uploading', { file: progress.file, files: progress.files, percent: progress.filePercent })
            : t('detail.submitting')}
        </p>
        <progress max={100} value={overall} aria-label={`${overall}%`} />
      </div>
    );
  }
  const retryAt = dossier.nextAttemptAt && dossier.lastError ? dossier.nextAttemptAt : undefined;
  return (
    <div className="progress-box" role="status">
      <p>
        {!online ? t('detail.waitingOffline') : retryAt ? t('detail.waitingRetry', { time: formatDateTime(retryAt) }) : t('detail.waiting')}
      </p>
      {online ? (
        <button type="button" className="btn btn-secondary" onClick={() => requestSync(true)}>
          {t('detail.sendNow')}
        </button>
      ) : null}
    </div>
  );
}
