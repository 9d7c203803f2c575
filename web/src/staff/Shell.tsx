// The console's frame: who is signed in (name, role, unit), the sections they may open, the
// language, sign-out; and the note shown when a screen falls back on what it loaded earlier.
import type { StaffUser } from '@hsc/shared/staff';
import type { ReactNode } from 'react';
import { LangSwitch } from '../ui/components/LangSwitch.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Link } from '../ui/router.tsx';
import { useStaffT } from './i18n/index.ts';
import { useReference } from './reference.ts';
import { registerScreenPath } from './register/paths.ts';
import { staffPaths, type StaffRoute } from './routes.ts';

export const mayReadDossiers = (u: StaffUser) => u.role !== 'admin';
export const mayReadReports = (u: StaffUser) => u.role === 'leader' || u.role === 'province';
export const mayEditCatalog = (u: StaffUser) => u.role === 'admin';
/** The administrator's screens besides the catalog (its nav link is not "current" on them). */
const ADMIN_SECTIONS = new Set<StaffRoute['name']>(['payees', 'calendar', 'accounts', 'audit']);

export function Shell({ user, route, onLogout, children }: { user: StaffUser; route: StaffRoute; onLogout: () => void; children: ReactNode }) {
  const { t } = useStaffT();
  const ref = useReference();
  const unit = user.unitCode ? (ref.units.get(user.unitCode)?.name ?? user.unitCode) : t('app.province');
  // An administrator's only section is the catalog.
  const section = mayEditCatalog(user) ? 'catalog' : route.name === 'reports' ? 'reports' : route.name === 'register' || route.name === 'receipts' ? 'register' : 'queue';
  return (
    <>
      <header className="sbar staff-chrome">
        <Link to={staffPaths.queue()} className="sbrand">
          {t('app.title')}
        </Link>
        <nav className="snav" aria-label={t('app.title')}>
          {mayReadDossiers(user) ? (
            <Link to={staffPaths.queue()} className="snav-link" aria-current={section === 'queue' ? 'page' : undefined} data-testid="nav-queue">
              {t('app.queue')}
            </Link>
          ) : null}
          {user.role === 'officer' || user.role === 'leader' ? (
            <Link to="/staff/walkin" className="snav-link" data-testid="nav-walkin">
              {t('app.walkin')}
            </Link>
          ) : null}
          {mayReadDossiers(user) ? (
            <Link to={registerScreenPath()} className="snav-link" aria-current={section === 'register' ? 'page' : undefined} data-testid="nav-register">
              {t('register.nav')}
            </Link>
          ) : null}
          {mayReadReports(user) ? (
            <Link to={staffPaths.reports()} className="snav-link" aria-current={section === 'reports' ? 'page' : undefined} data-testid="nav-reports">
              {t('app.reports')}
            </Link>
          ) : null}
          {mayEditCatalog(user) ? (
            <Link to={staffPaths.catalog()} className="snav-link" aria-current={section === 'catalog' && !ADMIN_SECTIONS.has(route.name) ? 'page' : undefined} data-testid="nav-catalog">
              {t('app.catalog')}
            </Link>
          ) : null}
          {mayEditCatalog(user) ? (
            <Link to={staffPaths.payees()} className="snav-link" aria-current={route.name === 'payees' ? 'page' : undefined} data-testid="nav-payees">
              {t('app.payees')}
            </Link>
          ) : null}
          {mayEditCatalog(user) ? (
            <Link to={staffPaths.calendar()} className="snav-link" aria-current={route.name === 'calendar' ? 'page' : undefined} data-testid="nav-calendar">
              {t('app.calendar')}
            </Link>
          ) : null}
          {mayEditCatalog(user) ? (
            <Link to={staffPaths.accounts()} className="snav-link" aria-current={route.name === 'accounts' ? 'page' : undefined} data-testid="nav-accounts">
              {t('app.accounts')}
            </Link>
          ) : null}
          {mayEditCatalog(user) ? (
            <Link to={staffPaths.audit()} className="snav-link" aria-current={route.name === 'audit' ? 'page' : undefined} data-testid="nav-audit">
              {t('app.audit')}
            </Link>
          ) : null}
        </nav>
        <div className="swho" data-testid="staff-who">
          <strong>{user.displayName}</strong>
          <span className="small">
            {/* An administrator has no unit, and "figures and dossiers" are not theirs to see. */}
            {mayEditCatalog(user) ? t(`role.${user.role}`) : `${t(`role.${user.role}`)} · ${unit}`}
          </span>
        </div>
        <LangSwitch />
        <button type="button" className="btn btn-ghost sbar-btn" data-testid="logout" onClick={onLogout}>
          {t('app.logout')}
        </button>
      </header>
      <main className="smain" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function OfflineNote({ since, onRetry }: { since: number | undefined; onRetry: () => void }) {
  const { t } = useStaffT();
  if (since === undefined) return null;
  return (
    <p className="notice staff-chrome" role="status" data-testid="offline-note">
      {t('app.offline', { time: formatDateTime(since) })}{' '}
      <button type="button" className="btn btn-small btn-secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </p>
  );
}
