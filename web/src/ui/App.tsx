// The shell: header (name, network, language), the update banner, and the routed screen.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { LangSwitch } from './components/LangSwitch.tsx';
import { NetStatus } from './components/NetStatus.tsx';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import { withTexts } from '../i18n/index.ts';
import { useLang } from './hooks/useLang.ts';
import { catalogReturnPath, Link, matchRoute, paths, usePath, type Route } from './router.tsx';
import { Home } from './screens/Home.tsx';

// Only the home screen comes with the first download. The catalog, a procedure, the form and
// the dossier screens load just after it (in idle time) and the service worker keeps them
// offline; a screen with words beyond the first screens' waits for them too (loadTexts).
const loadCatalog = () => import('./screens/Catalog.tsx');
const loadProcedure = withTexts(() => import('./screens/ProcedureDetail.tsx'));
const loadPrivacy = withTexts(() => import('./screens/Privacy.tsx'));
const loadForm = withTexts(() => import('./screens/DossierForm.tsx'));
const loadDetail = withTexts(() => import('./screens/DossierDetail.tsx'));
const Catalog = lazy(() => loadCatalog().then((m) => ({ default: m.Catalog })));
const ProcedureDetail = lazy(() => loadProcedure().then((m) => ({ default: m.ProcedureDetail })));
const Privacy = lazy(() => loadPrivacy().then((m) => ({ default: m.Privacy })));
const DossierForm = lazy(() => loadForm().then((m) => ({ default: m.DossierForm })));
const DossierDetail = lazy(() => loadDetail().then((m) => ({ default: m.DossierDetail })));
// The staff console (/staff/*): its own chunks, never precached, so citizens never download it.
const StaffConsole = lazy(withTexts(() => import('../staff/StaffConsole.tsx')));
// Assisted walk-in mode (/staff/walkin): staff-only like the console, in its own lazy chunk.
const WalkinDesk = lazy(withTexts(() => import('../staff/walkin/WalkinDesk.tsx')));
// Checking a signed receipt (/kiem-tra): its own lazy chunk, precached so it works offline.
const VerifyScreen = lazy(withTexts(() => import('../trust/VerifyScreen.tsx')));

/** Fetches the lazy screens in idle time, so tapping through never waits for the network. */
export function preloadScreens(): void {
  void loadCatalog();
  void loadProcedure();
  void loadPrivacy();
  void loadForm();
  void loadDetail();
}

function Screen({ route }: { route: Route }) {
  const { t } = useLang();
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'catalog':
      return <Catalog />;
    case 'procedure':
      return <ProcedureDetail code={route.code} />;
    case 'privacy':
      return <Privacy code={route.code} />;
    case 'edit':
      return <DossierForm id={route.id} />;
    case 'dossier':
      return <DossierDetail id={route.id} />;
    case 'verify':
      return <VerifyScreen />;
    case 'notFound':
      return <p className="notice">{t('app.notFound')}</p>;
  }
}

/** "Back" goes up one level, the same whether the screen was reached by tapping or a deep link. */
function parentOf(route: Route): string {
  if (route.name === 'procedure') return catalogReturnPath();
  if (route.name === 'privacy' && route.code) return paths.procedure(route.code);
  return paths.home();
}

export function App() {
  const { t } = useLang();
  const path = usePath();
  const route = matchRoute(path);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Screen readers hear the new screen: focus moves to it on every navigation but the first.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [path]);

  if (path === '/staff/walkin' || path.startsWith('/staff/walkin/')) return <Suspense fallback={<p className="boot">{t('app.loading')}</p>}><WalkinDesk /></Suspense>;
  if (path === '/staff' || path.startsWith('/staff/')) return <Suspense fallback={<p className="boot">{t('app.loading')}</p>}><StaffConsole /></Suspense>;
  return (
    <>
      <header className="topbar">
        {/* The name people see is the name voice control and screen readers hear; where it leads is its title. */}
        <Link to={paths.home()} className="brand" title={t('app.home')}>
          {t('app.name')}
        </Link>
        <NetStatus />
        <LangSwitch />
      </header>
      <UpdateBanner />
      {route.name !== 'home' ? (
        <nav className="crumbs">
          <Link to={parentOf(route)} className="back">
            ← {t('app.back')}
          </Link>
        </nav>
      ) : null}
      <main ref={main} tabIndex={-1} key={path}>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
      <footer className="footer">
        <Link to={paths.privacy()}>{t('app.privacyLink')}</Link>
      </footer>
    </>
  );
}
