// The staff console, mounted by the app at /staff/* as a lazy chunk that citizens never load.
// On open it asks the server who is signed in; the CSRF token it gets back stays in memory.
import type { StaffSession } from '@hsc/shared/staff';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { LangSwitch } from '../ui/components/LangSwitch.tsx';
import { UpdateBanner } from '../ui/components/UpdateBanner.tsx';
import { usePath } from '../ui/router.tsx';
import { onUnauthenticated, setApiLanguage, setCsrfToken, StaffApiError } from './api/client.ts';
import { logout, me } from './api/endpoints.ts';
import { errorText } from './api/errors.ts';
import { clearReadCache } from './api/useResource.ts';
import { useStaffT } from './i18n/index.ts';
import { ChangePassword } from './ChangePassword.tsx';
import { Login } from './Login.tsx';
import { matchStaffRoute } from './routes.ts';
import { mayEditCatalog, Shell } from './Shell.tsx';
import { StaffScreen } from './StaffScreen.tsx';
import css from './staff.css?inline';
import { AdoptedStyles } from '../ui/components/AdoptedStyles.tsx';

// The catalog editor is the administrator's alone: its own chunk, never loaded at the desk.
const AdminScreen = lazy(() => import('./catalog/AdminScreen.tsx'));

type SessionState = { kind: 'checking' } | { kind: 'out'; notice?: string } | { kind: 'in'; session: StaffSession } | { kind: 'unreachable'; message: string };

export default function StaffConsole() {
  const { t, lang, ready } = useStaffT();
  const path = usePath();
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [logoutError, setLogoutError] = useState<string>();

  useEffect(() => setApiLanguage(lang), [lang]);

  const signedIn = useCallback((session: StaffSession) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'in', session });
  }, []);
  const signedOut = useCallback((notice?: string) => {
    setCsrfToken(null);
    clearReadCache();
    setState({ kind: 'out', notice });
  }, []);

  const check = useCallback(() => {
    setState({ kind: 'checking' });
    me().then(signedIn, (e: unknown) => {
      if (e instanceof StaffApiError && e.status === 401) signedOut();
      else setState({ kind: 'unreachable', message: errorText(t, e) });
    });
    // `t` changes with the language; the check runs once per console open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn, signedOut]);

  useEffect(check, [check]);
  useEffect(() => {
    onUnauthenticated(() => signedOut(t('login.expired')));
    return () => onUnauthenticated(null);
  }, [signedOut, t]);

  const doLogout = async () => {
    setLogoutError(undefined);
    try {
      await logout();
      signedOut();
    } catch (e) {
      // The cookie is httpOnly: only the server can end the session, so say it did not.
      setLogoutError(errorText(t, e));
    }
  };

  let body;
  if (!ready || state.kind === 'checking') body = <p className="muted spad">{ready ? t('app.loading') : '…'}</p>;
  else if (state.kind === 'unreachable')
    body = (
      <div className="spad">
        <p className="serror" role="alert">
          {state.message}
        </p>
        <button type="button" className="btn btn-primary" onClick={check}>
          {t('app.retry')}
        </button>
      </div>
    );
  else if (state.kind === 'out' || state.session.user.mustChangePassword)
    // After an administrator's reset the new password comes first: the server opens nothing else.
    body = (
      <>
        <header className="sbar">
          <span className="sbrand">{t('app.title')}</span>
          <a href="/" className="snav-link sbar-spacer">
            {t('app.citizenApp')}
          </a>
          <LangSwitch />
        </header>
        <main className="smain slogin">
          {state.kind === 'out' ? (
            <Login onSignedIn={signedIn} notice={state.notice} />
          ) : (
            <ChangePassword session={state.session} onChanged={signedIn} onLogout={() => void doLogout()} />
          )}
          {logoutError ? (
            <p className="serror" role="alert">
              {logoutError}
            </p>
          ) : null}
        </main>
      </>
    );
  else {
    const route = matchStaffRoute(path);
    body = (
      <Shell user={state.session.user} route={route} onLogout={() => void doLogout()}>
        {logoutError ? (
          <p className="serror" role="alert">
            {logoutError}
          </p>
        ) : null}
        {mayEditCatalog(state.session.user) ? (
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <AdminScreen route={route} />
          </Suspense>
        ) : (
          <StaffScreen user={state.session.user} route={route} />
        )}
      </Shell>
    );
  }

  return (
    <div className="staff" data-testid="staff-console">
      <AdoptedStyles css={css} />
      <UpdateBanner />
      {body}
    </div>
  );
}
