// Staff accounts and sessions, rows in the database so that every API node shares them (the
// login throttles count in the store's counters, kysely-rate-limits.ts).
import { StaffRole } from '@hsc/shared';
import type { Kysely, Migration, Selectable, Updateable } from 'kysely';
import type { Database, StaffSessionsTable, StaffTable } from './schema.ts';
import type { SessionRecord, StaffPatch, StaffRecord, StaffStore } from './store.ts';

/** Migration 0017: when an administrator reset the account's password (null: not reset). */
export const m0017Admin: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('staff').addColumn('password_reset_at', 'text').execute();
  },
};

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
  // Absent rather than null when never reset, so records read back as they were written.
  ...(r.password_reset_at ? { passwordResetAt: r.password_reset_at } : {}),
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
        password_reset_at: s.passwordResetAt ?? null,
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

  async update(id: string, patch: StaffPatch): Promise<boolean> {
    const set: Updateable<StaffTable> = {};
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.disabledAt !== undefined) set.disabled_at = patch.disabledAt;
    if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
    if (patch.passwordResetAt !== undefined) set.password_reset_at = patch.passwordResetAt;
    if (Object.keys(set).length === 0) return !!(await this.byId(id));
    const res = await this.db.updateTable('staff').set(set).where('id', '=', id).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async deleteSessionsOf(staffId: string, keep?: string): Promise<void> {
    let q = this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
    if (keep !== undefined) q = q.where('token_hash', '!=', keep);
    await q.execute();
  }
}
