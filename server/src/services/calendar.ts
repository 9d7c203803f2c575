// The working-day calendar every due date is computed with: the `holidays` table (days off and
// make-up working days), seeded from shared VN_HOLIDAYS and VN_MAKEUP_WORKDAYS and edited by an admin. Read per use (a few dozen rows), so an edit shows
// at once on every process without cache invalidation.
import { calendar, VN_HOLIDAYS, VN_MAKEUP_WORKDAYS, type Holiday, type WorkCalendar } from '@hsc/shared';
import type { CalendarDayKind, Store } from '../store/store.ts';

export class CalendarService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async seed(): Promise<void> {
    const at = this.now().toISOString();
    await this.store.holidays.seed(VN_HOLIDAYS, at, 'off');
    await this.store.holidays.seed(VN_MAKEUP_WORKDAYS, at, 'workday');
  }

  async current(): Promise<WorkCalendar> {
    const [off, worked] = await Promise.all([this.store.holidays.list('off'), this.store.holidays.list('workday')]);
    return calendar(
      off.map((h) => h.date),
      worked.map((h) => h.date),
    );
  }

  /** `kind` 'off': the days off; 'workday': the make-up working days. */
  list(kind: CalendarDayKind = 'off'): Promise<Holiday[]> {
    return this.store.holidays.list(kind);
  }

  put(date: string, name: string | null, kind: CalendarDayKind = 'off'): Promise<void> {
    return this.store.holidays.put(date, name, this.now().toISOString(), kind);
  }

  remove(date: string, kind: CalendarDayKind = 'off'): Promise<boolean> {
    return this.store.holidays.remove(date, this.now().toISOString(), kind);
  }
}

/** Saturday or Sunday: the only dates a make-up working day can be. */
export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** A real calendar date (not 2026-02-30). */
export const isRealDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
};
