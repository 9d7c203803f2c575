// Assisted walk-in mode at /staff/walkin (Desk issue, part 6): an officer starts dossiers for
// citizens at the desk on a shared tablet. Each citizen gets a walk-in session (its id in the
// URL); "Next citizen" opens a new one and never touches the others' unsent data. Dossiers go
// through the app's own outbox (channel `desk`), so they survive a dropped line, a reload and an
// expired session; once the commune's receipt is held, the citizen's data is wiped here.
import { useEffect } from 'react';
import { listWalkins } from '../../db/walkin.ts';
import { requestSync } from '../../sync/client.ts';
import { LangSwitch } from '../../ui/components/LangSwitch.tsx';
import { NetStatus } from '../../ui/components/NetStatus.tsx';
import { useWalkinT } from './words.ts';
import { useLiveQuery } from '../../ui/hooks/useLiveQuery.ts';
import { Link, usePath } from '../../ui/router.tsx';
import { useStaffT } from '../i18n/index.ts';
import { Login } from '../Login.tsx';
import staffCss from '../staff.css?inline';
import { walkinPaths } from './paths.ts';
import { useDeskSession } from './session.ts';
import { WalkinList } from './WalkinList.tsx';
import { WalkinSession } from './WalkinSession.tsx';
import css from './walkin.css?inline';
import { AdoptedStyles } from '../../ui/components/AdoptedStyles.tsx';

export default function WalkinDesk() {
  const { t, w } = useWalkinT();
  const staff = useStaffT();
  const path = usePath();
  const { session, signedIn, check, unitCode } = useDeskSession();
  // A walk-in held back for want of a session: ask the server again, so the sign-in form
  // shows if the session really ended.
  const needsLogin = useLiveQuery(async () => (await listWalkins()).some((d) => d.state === 'queued' && d.lastError?.code === 'staffLogin'), []);
  useEffect(() => {
    if (needsLogin) check();
  }, [needsLogin, check]);
  const sessionId = decodeURIComponent(path.split('/').filter(Boolean)[2] ?? '');

  // Signed in again: whatever waited for the session goes now.
  useEffect(() => {
    if (session.kind === 'in') requestSync(true);
  }, [session.kind]);

  let body;
  if (session.kind === 'checking' || !staff.ready) body = <p className="muted">{t('app.loading')}</p>;
  else if (session.kind === 'out')
    body = (
      <div className="staff">
        <AdoptedStyles css={staffCss} />
        <main className="smain slogin">
          <Login onSignedIn={signedIn} />
        </main>
      </div>
    );
  else if (!unitCode) body = <p className="notice">{w('loginAgain')}</p>;
  else body = sessionId ? <WalkinSession key={sessionId} session={sessionId} unitCode={unitCode} /> : <WalkinList />;

  return (
    <div className="walkin" data-testid="walkin-desk" data-session={session.kind}>
      <AdoptedStyles css={css} />
      <header className="topbar no-print">
        <Link to={walkinPaths.desk()} className="brand">
          {w('title')}
        </Link>
        <NetStatus />
        {session.kind === 'in' ? <span className="small walkin-who">{session.user.displayName}</span> : null}
        <a href="/staff" className="small walkin-console">
          {w('console')}
        </a>
        <LangSwitch />
      </header>
      <main className="walkin-main">{body}</main>
    </div>
  );
}
