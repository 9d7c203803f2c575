// The working-day calendar as data: seeded from shared VN_HOLIDAYS and VN_MAKEUP_WORKDAYS,
// editable by an admin. A removed seed date stays as a tombstone so that the next start does
// not bring it back. One row per date: a day off, or a weekend date worked ('workday').
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CalendarDayKind, HolidayStore } from './store.ts';

export class KyselyHolidayStore implements HolidayStore {
  constructor(private readonly db: Kysely<Database>) {}

  async seed(dates: readonly string[], at: string, kind: CalendarDayKind = 'off'): Promise<void> {
    if (dates.length === 0) return;
    await this.db
      .insertInto('holidays')
      .values(dates.map((date) => ({ date, name: null, source: 'seed', removed: 0, updated_at: at, kind })))
      .onConflict((oc) => oc.column('date').doNothing())
      .execute();
  }

  async list(kind: CalendarDayKind = 'off'): Promise<{ date: string; name: string | null }[]> {
    return this.db.selectFrom('holidays').select(['date', 'name']).where('removed', '=', 0).where('kind', '=', kind).orderBy('date').execute();
  }

  async put(date: string, name: string | null, at: string, kind: CalendarDayKind = 'off'): Promise<void> {
    await this.db
      .insertInto('holidays')
      .values({ date, name, source: 'admin', removed: 0, updated_at: at, kind })
      .onConflict((oc) => oc.column('date').doUpdateSet({ name, source: 'admin', removed: 0, updated_at: at, kind }))
      .execute();
  }

  async remove(date: string, at: string, kind: CalendarDayKind = 'off'): Promise<boolean> {
    const r = await this.db
      .updateTable('holidays')
      .set({ removed: 1, source: 'admin', updated_at: at })
      .where('date', '=', date)
      .where('kind', '=', kind)
      .where('removed', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
