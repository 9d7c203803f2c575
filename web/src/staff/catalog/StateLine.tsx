// A procedure's status as words and a chip: draft, published (with its version), retired, and
// whether changes wait to be published.
import type { AdminProcedure } from '@hsc/shared/procedure';
import { useStaffT } from '../i18n/index.ts';
import { hasPending } from './status.ts';

export function StateChips({ p }: { p: AdminProcedure }) {
  const { t } = useStaffT();
  return (
    <span className="cstates" data-testid="procedure-state">
      <span className={`schip cstate-${p.status}`}>{t(`catalog.list.states.${p.status}`)}</span>
      {hasPending(p) ? <span className="schip cstate-pending">{t('catalog.list.states.pending')}</span> : null}
    </span>
  );
}

export function StateLine({ admin }: { admin: AdminProcedure }) {
  const { t } = useStaffT();
  return (
    <p className="cstate-line">
      <StateChips p={admin} />{' '}
      <span className="muted" data-testid="procedure-version">
        {admin.version === null ? t('catalog.list.neverPublished') : t('catalog.list.version', { n: admin.version })}
      </span>
    </p>
  );
}
