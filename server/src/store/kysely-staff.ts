// Staff accounts and sessions, rows in the database so that every API node shares them (the
// login throttles count in the store's counters, kysely-rate-limits.ts).
import { StaffRole } from '@hsc/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffSessionsTable, StaffTable } from './schema.ts';
import type { SessionRecord, StaffRecord, StaffStore } from './store.ts';

const toStaff = (r: Selectable<StaffTable>): StaffRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: StaffRole.parse(r.role),
  unitCode: r.unit_code,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  phone: r.phone,
});

const toSession = (r: Selectable<StaffSessionsTable>): SessionRecord => ({
  tokenHash: r.token_hash,
  staffId: r.staff_id,
  csrfToken: r.csrf_token,
  userAgent: r.user_agent,
  ip: r.ip,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export class KyselyStaffStore implements StaffStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(s: StaffRecord): Promise<boolean> {
    const inserted = await this.db
      .insertInto('staff')
      .values({
        id: s.id,
        username: s.username,
        display_name: s.displayName,
        role: s.role,
        unit_code: s.unitCode,
        password_hash: s.passwordHash,
        created_at: s.createdAt,
        disabled_at: s.disabledAt,
        phone: s.phone,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!inserted;
  }

  async byUsername(username: string): Promise<StaffRecord | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toStaff(row);
  }

  async byId(id: string): Promise<StaffRecord | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStaff(row);
  }

  async list(): Promise<StaffRecord[]> {
    return (await this.db.selectFrom('staff').selectAll().orderBy('username').execute()).map(toStaff);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({
        token_hash: s.tokenHash,
        staff_id: s.staffId,
        csrf_token: s.csrfToken,
        user_agent: s.userAgent?.slice(0, 500) ?? null,
        ip: s.ip,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async session(tokenHash: string, now: string) {
    const row = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    const staff = await this.byId(row.staff_id);
    return staff && !staff.disabledAt ? { session: toSession(row), staff } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  }
}
