// The dossiers on this phone, one card each: state, code, procedure, whether it is safe, and
// the commune's next step for the person.
import { useEffect } from 'react';
import { listProcedures, listUnits } from '../../db/catalog.ts';
import { removalAt, removalSoon } from '../../db/retention.ts';
import type { DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { StateBadge } from '../components/StateBadge.tsx';
import { formatDate, formatDateTime, vnToday } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { Link, paths } from '../router.tsx';

export function DossierList({ dossiers }: { dossiers: DossierRecord[] }) {
  const { t, lang } = useLang();
  const holdsReceipt = dossiers.some((d) => d.receipt);
  useEffect(() => {
    // The QR drawing is cached on first use: fetched while there is a network, so every receipt
    // on the phone shows its code offline later.
    if (holdsReceipt && navigator.onLine) void import('../../trust/qr.ts').then((m) => m.warmQr()).catch(() => undefined);
  }, [holdsReceipt]);
  const procedures = useLiveQuery(listProcedures, []);
  const units = useLiveQuery(listUnits, []);
  // The dossier's own version names it, so one under a since-retired procedure keeps its name.
  const procedureName = (d: DossierRecord) => {
    const p = d.procedure ?? procedures?.find((x) => x.code === d.procedureCode);
    return p ? localized(p.name, lang) : d.procedureCode;
  };
  const unitName = (code: string) => units?.find((u) => u.code === code)?.name;
  return (
    <ul className="cards" data-testid="my-dossiers">
      {dossiers.map((d) => (
        <li key={d.id}>
          <Link
            to={d.state === 'draft' ? paths.edit(d.id) : paths.dossier(d.id)}
            className={`card card-link card-${d.state}`}
            data-testid="dossier-item"
            data-state={d.state}
          >
            <span className="card-top">
              <StateBadge state={d.state} />
              <span className="muted small">{d.receipt?.code ?? d.localRef}</span>
            </span>
            <strong className="card-title">{procedureName(d)}</strong>
            {unitName(d.unitCode) ? <span className="small">{unitName(d.unitCode)}</span> : null}
            <span className={`safety safety-${d.state}`}>
              {d.state === 'received' ? t('safety.received', { code: d.receipt?.code ?? '' }) : t(`safety.${d.state}`)}
            </span>
            {/* The commune's next step for the person, plainly, on the list too. */}
            {d.state === 'received' && d.supplement ? (
              <strong className="home-note home-note-supplement" data-testid="home-note" data-kind="supplement">
                {t('supplement.homeNote')}
              </strong>
            ) : d.state === 'received' && d.result ? (
              <strong className="home-note home-note-result" data-testid="home-note" data-kind="result">
                {t('result.homeNote')}
              </strong>
            ) : null}
            {removalSoon(d) ? (
              <span className="small" data-testid="home-retention">
                {t('retention.homeNote', { date: formatDate(vnToday(new Date(removalAt(d)!))) })}
              </span>
            ) : null}
            <span className="muted small">{t('home.updated', { time: formatDateTime(d.updatedAt) })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
