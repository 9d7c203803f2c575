// The deadline badge ("Quá hạn", "Đến hạn", "Còn N ngày") and the status chip. The badge is
// counted here with the shared rule and the holiday calendar, so it stays right as the day
// goes on; until the calendar is loaded, the server's own count is shown.
import { badgeFor, type DeadlineBadge } from '@hsc/shared/lifecycle';
import type { DossierStatus } from '@hsc/shared/schemas';
import type { WorkCalendar } from '@hsc/shared/workdays';
import { useStaffT } from '../i18n/index.ts';

export function currentBadge(status: DossierStatus, dueAt: string, fromServer: DeadlineBadge | null, cal: WorkCalendar | null, now = new Date()): DeadlineBadge | null {
  return cal ? badgeFor(status, dueAt, now, cal) : fromServer;
}

const TONE: Record<DeadlineBadge['kind'], string> = { overdue: 'late', due_today: 'today', days_left: 'ok' };

export function DeadlineBadgeView({ badge }: { badge: DeadlineBadge | null }) {
  const { t } = useStaffT();
  if (!badge) return null;
  const soon = badge.kind === 'days_left' && badge.days <= 1;
  return (
    <span className={`sbadge sbadge-${soon ? 'soon' : TONE[badge.kind]}`} data-testid="deadline-badge" data-kind={badge.kind}>
      {badge.kind === 'days_left' ? t('badge.days_left', { count: badge.days }) : t(`badge.${badge.kind}`)}
    </span>
  );
}

export function StatusChip({ status }: { status: DossierStatus }) {
  const { t } = useStaffT();
  return (
    <span className={`schip schip-${status}`} data-testid="status-chip" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
