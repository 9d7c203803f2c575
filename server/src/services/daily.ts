// The leader's day: what the unit received today, what falls due on the next working day, what
// is overdue, what waits on the citizen. Each figure is also a filter of the queue (`view`), so
// the count and the list it opens are the same query.
import { CLOCK_STATUSES, nextWorkingDay, vnInstant, vnLocal, type DailySummary, type DailyView, type DossierStatus, type WorkCalendar } from '@hsc/shared';
import type { ListDossiersFilter } from '../store/store.ts';

/**
 * Waiting on the citizen: a supplement asked for (the clock stops). A fee asked for is not here:
 * the clock keeps running then (CLOCK_STATUSES), so it counts as due or overdue like the rest.
 */
const WAITING: readonly DossierStatus[] = ['supplement_requested'];

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The part of a queue filter that a view adds (Vietnamese dates; the calendar's next working day). */
export function viewFilter(view: DailyView, now: Date, cal: WorkCalendar): Pick<ListDossiersFilter, 'statuses' | 'dueFrom' | 'dueBefore' | 'receivedFrom' | 'receivedBefore'> {
  const today = vnLocal(now).date;
  const running = CLOCK_STATUSES;
  switch (view) {
    case 'received_today':
      return { receivedFrom: vnInstant(today, 0).toISOString(), receivedBefore: vnInstant(dayAfter(today), 0).toISOString() };
    case 'due_next': {
      const next = nextWorkingDay(today, cal);
      // Not overdue yet, and due on the next working day (a result is due at 17:00 of it).
      return { statuses: running, dueFrom: vnInstant(next, 0).toISOString(), dueBefore: vnInstant(dayAfter(next), 0).toISOString() };
    }
    case 'overdue':
      return { statuses: running, dueBefore: now.toISOString() };
    case 'waiting':
      return { statuses: WAITING };
  }
}

export const dailyDates = (now: Date, cal: WorkCalendar) => {
  const date = vnLocal(now).date;
  return { date, nextWorkday: nextWorkingDay(date, cal) };
};

export type { DailySummary };
