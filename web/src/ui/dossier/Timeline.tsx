import type { SignedDecision, TimelineEntry } from '@hsc/shared/schemas';
import { lazy, Suspense } from 'react';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

// The signed forms' check (WebCrypto, QR) is in the lazy trust chunk, out of the first load.
const DecisionTrust = lazy(() => import('../../trust/DecisionTrust.tsx'));

/** The commune's steps on the dossier, newest last; read from the phone, so it shows offline. */
export function Timeline({ entries, checkedAt, decisions }: { entries: TimelineEntry[]; checkedAt?: number; decisions?: SignedDecision[] }) {
  const { t } = useLang();
  return (
    <section className="timeline-box">
      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e, i) => (
          <li key={`${e.status}-${e.at}-${i}`} className={i === entries.length - 1 ? 'current' : undefined}>
            <strong>{t(`status.${e.status}`)}</strong>
            <span className="muted small"> {formatDateTime(e.at)}</span>
            {e.note ? <p className="small">{e.note}</p> : null}
          </li>
        ))}
      </ol>
      {decisions?.length ? (
        <Suspense fallback={null}>
          <DecisionTrust decisions={decisions} />
        </Suspense>
      ) : null}
      {checkedAt ? <p className="muted small">{t('detail.checkedAt', { time: formatDateTime(checkedAt) })}</p> : null}
    </section>
  );
}
