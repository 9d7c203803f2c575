// What happens to the phone's copy of a finished dossier, in calm words: a week before the
// pages and personal details are removed, the date and the offer to save a file; afterwards,
// what was removed and that the commune keeps the official record.
import { removalAt, removalSoon, RETENTION_DAYS } from '../../db/retention.ts';
import type { DossierRecord } from '../../db/types.ts';
import { formatDate, vnToday } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { ExportButton } from './ExportButton.tsx';

const day = (at: number) => formatDate(vnToday(new Date(at)));

export function RetentionNotice({ dossier, now = Date.now() }: { dossier: DossierRecord; now?: number }) {
  const { t } = useLang();
  if (dossier.wipedAt && dossier.channel !== 'desk') {
    return (
      <p className="notice" data-testid="retention-removed">
        {t('retention.removed', { date: day(dossier.wipedAt), days: RETENTION_DAYS })}
      </p>
    );
  }
  const at = removalAt(dossier);
  if (at === undefined || !removalSoon(dossier, now)) return null;
  return (
    <div className="notice" data-testid="retention-soon">
      <p>{t('retention.soon', { date: day(at), days: RETENTION_DAYS })}</p>
      <ExportButton dossierId={dossier.id} />
    </div>
  );
}
