// "Đã có kết quả": the commune finished the dossier and the result can be downloaded once and
// then opened from the phone, network or not.
import { useState } from 'react';
import { getResult } from '../../db/results.ts';
import type { DossierRecord } from '../../db/types.ts';
import { downloadResult } from '../../sync/client.ts';
import { formatBytes } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useObjectUrl } from '../hooks/useObjectUrl.ts';

export function ResultPanel({ dossier }: { dossier: DossierRecord }) {
  const { t, lang } = useLang();
  const kept = useLiveQuery(() => getResult(dossier.id), [dossier.id]);
  const url = useObjectUrl(kept?.blob);
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'corrupt'>('idle');
  if (!dossier.result && !kept) return null;

  const download = async () => {
    setState('busy');
    const outcome = await downloadResult(dossier);
    setState(outcome === 'ok' ? 'idle' : outcome);
  };

  return (
    <section className="receipt receipt-commune" data-testid="result-panel" aria-labelledby="result-title">
      <h2 id="result-title">{t('result.title')}</h2>
      <p>{t('result.intro')}</p>
      {kept && url ? (
        <>
          <a className="btn btn-primary btn-block" href={url} download={kept.fileName} data-testid="result-open">
            {t('result.open')}
          </a>
          <p className="ok-line small" data-testid="result-saved" data-sha256={kept.sha256}>
            {t('result.saved', { size: formatBytes(kept.size, lang) })}
          </p>
        </>
      ) : (
        <button type="button" className="btn btn-primary btn-block" data-testid="result-download" disabled={state === 'busy'} onClick={() => void download()}>
          {state === 'busy' ? t('result.downloading') : t('result.download')}
        </button>
      )}
      {state === 'failed' || state === 'corrupt' ? (
        <p className="error" role="alert" data-testid="result-problem" data-reason={state}>
          {t(`result.${state}`)}
        </p>
      ) : null}
    </section>
  );
}
