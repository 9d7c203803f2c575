// The desk's list: walk-in dossiers only (never the device owner's own), unsent ones first so
// none is forgotten, then today's received ones with their receipt summary.
import { listProcedures } from '../../db/catalog.ts';
import { listWalkins } from '../../db/walkin.ts';
import type { DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { StateBadge } from '../../ui/components/StateBadge.tsx';
import { formatDateTime, vnToday } from '../../ui/format.ts';
import { useWalkinT, type WalkinKey } from './words.ts';
import { useLiveQuery } from '../../ui/hooks/useLiveQuery.ts';
import { Link } from '../../ui/router.tsx';
import { nextCitizen, walkinPaths } from './paths.ts';

const today = (at: number) => vnToday(new Date(at)) === vnToday();

export function WalkinList() {
  const { t, w, lang } = useWalkinT();
  const walkins = useLiveQuery(listWalkins, []);
  const procedures = useLiveQuery(listProcedures, []);
  const name = (code: string) => {
    const p = procedures?.find((x) => x.code === code);
    return p ? localized(p.name, lang) : code;
  };
  const shown = (walkins ?? []).filter((d) => d.state !== 'received' || today(d.updatedAt));
  const waitingLogin = shown.some((d) => d.state === 'queued' && d.lastError?.code === 'staffLogin');
  return (
    <section className="screen">
      <h1>{w('title')}</h1>
      <p className="muted">{w('intro')}</p>
      <button type="button" className="btn btn-primary btn-block" data-testid="walkin-next" onClick={nextCitizen}>
        {w('next')}
      </button>
      {waitingLogin ? (
        <p className="attention" role="alert" data-testid="walkin-login-again">
          {w('loginAgain')}
        </p>
      ) : null}
      <h2>{w('list')}</h2>
      {walkins === undefined ? null : shown.length === 0 ? (
        <p className="muted" data-testid="walkin-list">
          {w('empty')}
        </p>
      ) : (
        <ul className="cards" data-testid="walkin-list">
          {shown.map((d) => (
            <li key={d.id}>
              <Link to={walkinPaths.session(d.walkinSession ?? d.id)} className={`card card-link card-${d.state}`} data-testid="walkin-item" data-state={d.state} data-session={d.walkinSession}>
                <span className="card-top">
                  <StateBadge state={d.state} />
                  <span className="muted small">{d.receipt?.code ?? d.localRef}</span>
                </span>
                <strong className="card-title">{name(d.procedureCode)}</strong>
                <span className="small">{line(d, t, w)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function line(d: DossierRecord, t: ReturnType<typeof useWalkinT>['t'], w: (key: WalkinKey) => string): string {
  if (d.state === 'received' && d.receipt) return `${t('detail.receivedAt')}: ${formatDateTime(d.receipt.receivedAt)}`;
  if (d.state === 'draft') return `${w('draft')} · ${d.applicant.fullName}`;
  return `${w('waiting')} · ${d.applicant.fullName}`;
}
