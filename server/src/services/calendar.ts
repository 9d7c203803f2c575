// The working-day calendar every due date is computed with: the `holidays` table, seeded from
// shared VN_HOLIDAYS and edited by an admin. Read per use (a few dozen rows), so an edit shows
// at once on every process without cache invalidation.
import { calendar, VN_HOLIDAYS, type Holiday, type WorkCalendar } from '@hsc/shared';
import type { Store } from '../store/store.ts';

export class CalendarService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  seed(): Promise<void> {
    return this.store.holidays.seed(VN_HOLIDAYS, this.now().toISOString());
  }

  async current(): Promise<WorkCalendar> {
    return calendar((await this.store.holidays.list()).map((h) => h.date));
  }

  list(): Promise<Holiday[]> {
    return this.store.holidays.list();
  }

  put(date: string, name: string | null): Promise<void> {
    return this.store.holidays.put(date, name, this.now().toISOString());
  }

  remove(date: string): Promise<boolean> {
    return this.store.holidays.remove(date, this.now().toISOString());
  }
}

/** A real calendar date (not 2026-02-30). */
export const isRealDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
};
