import type { TimelineEntry } from '@hsc/shared/schemas';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

/** The commune's steps on the dossier, newest last; read from the phone, so it shows offline. */
export function Timeline({ entries, checkedAt }: { entries: TimelineEntry[]; checkedAt?: number }) {
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
      {checkedAt ? <p className="muted small">{t('detail.checkedAt', { time: formatDateTime(checkedAt) })}</p> : null}
    </section>
  );
}
