// Staff accounts and sessions: argon2id passwords, random session tokens of which only the
// SHA-256 is stored, a CSRF token per session, and login attempts counted per username and per
// IP in the store's counters (so every node counts into the same window).
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { roleHasUnit, type CreateStaffRequest, type Lockout, type StaffAccount, type StaffRole, type StaffSession, type StaffUser, type UpdateStaffRequest } from '@hsc/shared';
import type { LoginLimits } from '../config.ts';
import type { SessionRecord, StaffRecord, Store } from '../store/store.ts';
import type { Viewer } from './access.ts';
import { constantTimeEqual, sha256Hex } from './canonical.ts';
import { Limits } from './limits.ts';
import { seedDemoPayees } from './payees.ts';

/** Who made a request, for the audit log. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export type { LoginLimits };

/** 5 failures per username or 20 per IP (a commune office is one IP) in 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perIp: 20, windowMs: 15 * 60_000 };
export const SESSION_TTL_MS = 12 * 60 * 60_000;

export type LoginOutcome =
  | { kind: 'ok'; token: string; session: StaffSession }
  | { kind: 'bad_credentials' }
  | { kind: 'rate_limited'; retryAfterMs: number };

export type CreateOutcome = { kind: 'created'; account: StaffAccount } | { kind: 'username_taken' } | { kind: 'unknown_unit' };

export interface Authenticated {
  staff: StaffUser;
  session: SessionRecord;
}

export const toUser = (s: StaffRecord): StaffUser => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  unitCode: s.unitCode,
  ...(s.passwordResetAt ? { mustChangePassword: true } : {}),
});

/** Ten characters from an alphabet without look-alikes (0/O, 1/l/I), to be read out at the desk. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => TEMP_ALPHABET[b % TEMP_ALPHABET.length]).join('');
}

export type AdminOutcome = { kind: 'ok'; account: StaffAccount } | { kind: 'not_found' } | { kind: 'self' } | { kind: 'not_officer' };

const toAccount = (s: StaffRecord, specialist: boolean): StaffAccount => ({
  ...toUser(s),
  ...(specialist ? { specialist: true } : {}),
  createdAt: s.createdAt,
  ...(s.phone ? { phone: s.phone } : {}),
  ...(s.disabledAt ? { disabledAt: s.disabledAt } : {}),
});

/** Argon2id (the library's default algorithm) with its default, OWASP-level costs. */
export const hashPassword = (password: string) => hash(password);

async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never logs anyone in
  }
}

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: StaffRole; unitCode: string | null; specialist?: boolean }[] = [
  { username: 'demo.officer', displayName: 'Cán bộ một cửa (demo)', role: 'officer', unitCode: '05716' },
  { username: 'demo.specialist', displayName: 'Chuyên viên xã Võ Nhai (demo)', role: 'officer', unitCode: '05716', specialist: true },
  { username: 'demo.leader', displayName: 'Lãnh đạo xã Võ Nhai (demo)', role: 'leader', unitCode: '05716' },
  { username: 'demo.officer2', displayName: 'Cán bộ phường Bá Xuyên (demo)', role: 'officer', unitCode: '05533' },
  { username: 'demo.province', displayName: 'Chuyên viên tỉnh (demo)', role: 'province', unitCode: null },
  { username: 'demo.admin', displayName: 'Quản trị (demo)', role: 'admin', unitCode: null },
];

export class StaffService {
  private dummy: Promise<string> | undefined;
  private readonly counters: Limits;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    readonly sessionTtlMs: number = SESSION_TTL_MS,
  ) {
    this.counters = new Limits(store.counters, now);
  }

  /**
   * Verified against when the username is unknown, so that answer takes as long as a wrong
   * password. Made on first use (the CLI never needs it), then kept.
   */
  private dummyHash(): Promise<string> {
    this.dummy ??= hash(randomBytes(16).toString('hex'));
    return this.dummy;
  }

  /** Makes the dummy hash now, so even the first unknown-user answer is not faster. */
  warmUp(): Promise<void> {
    return this.dummyHash().then(() => undefined);
  }

  async login(rawUsername: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const at = this.now();
    const username = rawUsername.trim().toLowerCase();
    const userKey = `login:user:${username}`;
    const ipKey = `login:ip:${meta.ip}`;
    const audit = (action: string, staffId: string | null, details?: unknown) =>
      this.store.audit.append({ at: at.toISOString(), actorKind: 'staff', staffId, action, ip: meta.ip, userAgent: meta.userAgent, details });

    // Each attempt takes its number before the password is checked (one atomic increment per
    // key), so attempts sent at once, to one node or to several, cannot all pass a check made
    // before any of them was counted. A success gives its number back below.
    const user = await this.counters.hit(userKey, this.limits.windowMs);
    const ip = await this.counters.hit(ipKey, this.limits.windowMs);
    if (user.count > this.limits.perUser || ip.count > this.limits.perIp) {
      await audit('login_rate_limited', null, { username });
      // The later of the two windows that refuse: the person is told how long to wait.
      const retryAfterMs = Math.max(user.count > this.limits.perUser ? user.ttl : 0, ip.count > this.limits.perIp ? ip.ttl : 0);
      return { kind: 'rate_limited', retryAfterMs };
    }
    const staff = await this.store.staff.byUsername(username);
    const ok = await verifyPassword(staff?.passwordHash ?? (await this.dummyHash()), password);
    if (!staff || !ok || staff.disabledAt) {
      await audit('login_failed', null, { username });
      return { kind: 'bad_credentials' };
    }

    // A success clears the username's failures and does not count against the office's IP.
    await this.counters.reset(userKey);
    await this.counters.release(ipKey);
    // Housekeeping on each sign-in keeps the table small without a timer.
    await this.store.staff.deleteExpiredSessions(at.toISOString());
    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      tokenHash: sha256Hex(token),
      staffId: staff.id,
      csrfToken: randomBytes(32).toString('base64url'),
      userAgent: meta.userAgent,
      ip: meta.ip,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + this.sessionTtlMs).toISOString(),
    };
    await this.store.staff.createSession(session);
    await audit('login', staff.id);
    return { kind: 'ok', token, session: { user: toUser(staff), csrfToken: session.csrfToken } };
  }

  async authenticate(token: string | undefined): Promise<Authenticated | undefined> {
    if (!token || token.length > 200) return undefined;
    const found = await this.store.staff.session(sha256Hex(token), this.now().toISOString());
    return found && { staff: toUser(found.staff), session: found.session };
  }

  csrfMatches(session: SessionRecord, header: string | undefined): boolean {
    return header !== undefined && constantTimeEqual(session.csrfToken, header);
  }

  async logout(auth: Authenticated, meta: RequestMeta): Promise<void> {
    await this.store.staff.deleteSession(auth.session.tokenHash);
    await this.store.audit.append({ at: this.now().toISOString(), actorKind: 'staff', staffId: auth.staff.id, action: 'logout', ip: meta.ip, userAgent: meta.userAgent });
  }

  async create(req: CreateStaffRequest, actor: { staffId: string | null; meta?: RequestMeta }): Promise<CreateOutcome> {
    const unitCode = roleHasUnit(req.role) ? (req.unitCode ?? null) : null;
    if (unitCode && !(await this.store.getUnit(unitCode))) return { kind: 'unknown_unit' };
    const at = this.now().toISOString();
    const record: StaffRecord = {
      id: randomUUID(),
      username: req.username,
      displayName: req.displayName,
      role: req.role,
      unitCode,
      passwordHash: await hashPassword(req.password),
      createdAt: at,
      disabledAt: null,
      phone: req.phone ?? null,
    };
    if (!(await this.store.staff.create(record))) return { kind: 'username_taken' };
    // The flag lives beside the account (0016_handover); only an officer carries it.
    const specialist = req.role === 'officer' && !!req.specialist;
    if (specialist) await this.store.handovers.setSpecialist(record.id, true);
    await this.store.audit.append({
      at,
      actorKind: actor.staffId ? 'staff' : 'system',
      staffId: actor.staffId,
      action: 'staff_created',
      ip: actor.meta?.ip,
      userAgent: actor.meta?.userAgent,
      details: { id: record.id, username: record.username, role: record.role, unitCode, ...(specialist ? { specialist } : {}) },
    });
    return { kind: 'created', account: { ...toUser(record), ...(specialist ? { specialist } : {}), createdAt: at, ...(record.phone ? { phone: record.phone } : {}) } };
  }

  async list(): Promise<StaffAccount[]> {
    const specialists = await this.store.handovers.specialists();
    return (await this.store.staff.list()).map((s) => toAccount(s, specialists.has(s.id)));
  }

  private async account(id: string): Promise<StaffAccount | undefined> {
    const s = await this.store.staff.byId(id);
    return s && toAccount(s, (await this.store.handovers.specialists()).has(s.id));
  }

  private adminAudit(actor: Viewer, action: string, details: unknown) {
    return this.store.audit.append({ at: this.now().toISOString(), actorKind: 'staff', staffId: actor.id, action, ip: actor.meta.ip, userAgent: actor.meta.userAgent, details });
  }

  /** The desk phone and the specialist flag (only an officer is a specialist). */
  async update(id: string, patch: UpdateStaffRequest, actor: Viewer): Promise<AdminOutcome> {
    const s = await this.store.staff.byId(id);
    if (!s) return { kind: 'not_found' };
    if (patch.specialist && s.role !== 'officer') return { kind: 'not_officer' };
    if (patch.phone !== undefined) await this.store.staff.update(id, { phone: patch.phone || null });
    if (patch.specialist !== undefined) await this.store.handovers.setSpecialist(id, patch.specialist);
    await this.adminAudit(actor, 'staff_updated', { id, username: s.username, ...patch });
    return { kind: 'ok', account: (await this.account(id))! };
  }

  /** Disabling ends the account's sessions at once (sign-in already refuses a disabled account). */
  async setDisabled(id: string, disabled: boolean, actor: Viewer): Promise<AdminOutcome> {
    const s = await this.store.staff.byId(id);
    if (!s) return { kind: 'not_found' };
    // An administrator who disables themself could leave the office with no administrator.
    if (disabled && id === actor.id) return { kind: 'self' };
    await this.store.staff.update(id, { disabledAt: disabled ? (s.disabledAt ?? this.now().toISOString()) : null });
    if (disabled) await this.store.staff.deleteSessionsOf(id);
    await this.adminAudit(actor, disabled ? 'staff_disabled' : 'staff_enabled', { id, username: s.username });
    return { kind: 'ok', account: (await this.account(id))! };
  }

  /**
   * A temporary password, returned once for the admin to hand over; the account's sessions end
   * and its next sign-in must choose a new one. Only the hash is kept; the audit has no password.
   */
  async resetPassword(id: string, actor: Viewer): Promise<{ kind: 'ok'; account: StaffAccount; temporaryPassword: string } | { kind: 'not_found' }> {
    const s = await this.store.staff.byId(id);
    if (!s) return { kind: 'not_found' };
    const temp = temporaryPassword();
    await this.store.staff.update(id, { passwordHash: await hashPassword(temp), passwordResetAt: this.now().toISOString() });
    await this.store.staff.deleteSessionsOf(id);
    // The username's failures go too: the person is about to sign in with the new password.
    await this.counters.reset(`login:user:${s.username}`);
    await this.adminAudit(actor, 'staff_password_reset', { id, username: s.username });
    return { kind: 'ok', account: (await this.account(id))!, temporaryPassword: temp };
  }

  /** The owner's change (forced after a reset): the current password, then a new, different one. */
  async changePassword(auth: Authenticated, current: string, next: string, meta: RequestMeta): Promise<'ok' | 'wrong_password' | 'same_password'> {
    const s = await this.store.staff.byId(auth.staff.id);
    if (!s || !(await verifyPassword(s.passwordHash, current))) return 'wrong_password';
    if (current === next) return 'same_password';
    await this.store.staff.update(s.id, { passwordHash: await hashPassword(next), passwordResetAt: null });
    // Other sessions (another browser that knew the old password) end; this one goes on.
    await this.store.staff.deleteSessionsOf(s.id, auth.session.tokenHash);
    await this.store.audit.append({ at: this.now().toISOString(), actorKind: 'staff', staffId: s.id, action: 'password_changed', ip: meta.ip, userAgent: meta.userAgent });
    return 'ok';
  }

  /** Usernames and IPs refused at sign-in now (their failures passed the limit in the current window). */
  async lockouts(): Promise<Lockout[]> {
    const of = async (kind: 'user' | 'ip', limit: number) =>
      (await this.counters.active(`login:${kind}:`, limit)).map((h) => ({
        kind,
        value: h.key.slice(`login:${kind}:`.length),
        failures: h.count,
        until: new Date(h.resetAt).toISOString(),
      }));
    // The count reaching the limit refuses the next attempt, so that is a lockout already.
    return [...(await of('user', this.limits.perUser)), ...(await of('ip', this.limits.perIp))];
  }

  async unlock(kind: 'user' | 'ip', value: string, actor: Viewer): Promise<void> {
    const v = kind === 'user' ? value.trim().toLowerCase() : value.trim();
    await this.counters.reset(`login:${kind}:${v}`);
    await this.adminAudit(actor, 'login_unlocked', { kind, value: v });
  }

  /**
   * DEMO=1: the demo accounts, created once (an existing username is left as it is), and a
   * fictitious payee account for the demo units (an administrator's account is never replaced).
   */
  async seedDemo(): Promise<void> {
    for (const a of DEMO_ACCOUNTS) {
      if (await this.store.staff.byUsername(a.username)) continue;
      await this.create({ ...a, password: DEMO_PASSWORD }, { staffId: null });
    }
    await seedDemoPayees(this.store, this.now().toISOString());
  }
}
