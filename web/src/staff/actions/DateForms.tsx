// Accept (Mẫu 01: confirm the promised date or give a later working day) and reschedule
// (Mẫu 04: a later working day and the reason, leader only, once). Dates are Vietnamese
// calendar days; the result is due at office closing (17:00) that day, as the rules count.
import { CLOSE_MINUTES, isWorkingDay, vnInstant, vnLocal, type WorkCalendar } from '@hsc/shared/workdays';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

const localDate = (instant: string) => vnLocal(new Date(instant)).date;
const dueInstant = (date: string) => vnInstant(date, CLOSE_MINUTES).toISOString();

/** The lifecycle's own objection to a new due date, checked before asking the server. */
function dateProblem(date: string, currentDue: string, cal: WorkCalendar | null): 'due_not_later' | 'due_not_working_day' | null {
  if (Date.parse(dueInstant(date)) <= Date.parse(currentDue)) return 'due_not_later';
  if (cal && !isWorkingDay(date, cal)) return 'due_not_working_day';
  return null;
}

export function AcceptForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const current = localDate(ctx.dossier.dueAt);
  const [date, setDate] = useState(current);
  const build = () => {
    if (!date || date === current) return { action: 'accept' as const };
    const problem = dateProblem(date, ctx.dossier.dueAt, ctx.calendar);
    if (problem) return { problem: t(`lifecycle.${problem}`) };
    return { action: 'accept' as const, dueAt: dueInstant(date) };
  };
  return (
    <ActionForm ctx={ctx} action="accept" intro={t('actions.accept.intro')} build={build}>
      <label className="field">
        <span className="label">{t('actions.accept.due')}</span>
        <input className="input" type="date" data-testid="accept-due" min={current} value={date} onChange={(e) => setDate(e.target.value)} />
        <span className="hint">
          {formatDateTime(date ? dueInstant(date) : ctx.dossier.dueAt)} · {t('actions.accept.dueHint')}
        </span>
      </label>
    </ActionForm>
  );
}

export function RescheduleForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const current = localDate(ctx.dossier.dueAt);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const build = () => {
    if (!date) return { problem: t('actions.reschedule.needDate') };
    if (!reason.trim()) return { problem: t('actions.reschedule.needReason') };
    const problem = dateProblem(date, ctx.dossier.dueAt, ctx.calendar);
    if (problem) return { problem: t(`lifecycle.${problem}`) };
    return { action: 'reschedule' as const, newDueAt: dueInstant(date), reason: reason.trim() };
  };
  return (
    <ActionForm ctx={ctx} action="reschedule" intro={t('actions.reschedule.intro')} question={t('actions.reschedule.question')} build={build}>
      <label className="field">
        <span className="label">{t('actions.reschedule.date')}</span>
        <input className="input" type="date" data-testid="reschedule-date" min={current} value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('actions.reschedule.reason')}</span>
        <textarea className="input" data-testid="reschedule-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ActionForm>
  );
}
