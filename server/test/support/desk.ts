// Desk test helpers: a movable clock, staff sign-in through the API (an "agent" that carries
// the cookie and CSRF token), and dossiers of a 3-working-day procedure sent by a citizen.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ActionResponse, DeskDossier, Receipt, StaffActionRequest, StaffSession } from '@hsc/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD, toUser } from '../../src/services/staff.ts';
import type { Store } from '../../src/store/store.ts';
import { injectUpload, newSecret, putDossier, submission, testFile, type TestFile } from './fixtures.ts';

/** Xã Võ Nhai and Phường Bá Xuyên: the demo accounts' units. */
export const VO_NHAI = '05716';
export const BA_XUYEN = '05533';
/** Xác nhận tình trạng hôn nhân: 3 working days. */
export const MARITAL = '1.004873';

export interface MovableClock {
  now: () => Date;
  set(at: Date): void;
}
export function movableClock(start: Date): MovableClock {
  let at = new Date(start);
  return { now: () => new Date(at), set: (d) => (at = new Date(d)) };
}

/** A Vietnamese local time as an instant. */
export const vn = (local: string) => new Date(`${local}+07:00`);

export interface Agent {
  session: StaffSession;
  cookie: string;
  /** inject() with the session cookie and the CSRF token. */
  req(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  act(dossierId: string, action: StaffActionRequest): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  return agentFor(app, res.cookies.find((c) => c.name === 'hsc_staff')!.value, res.json<StaffSession>());
}

/**
 * A session written straight into the store that lasts for the whole test, for tests whose
 * clock runs for months (signing in again after each 12 hours would cost an argon2 hash).
 */
export async function lastingSession(app: FastifyInstance, store: Store, username: string): Promise<Agent> {
  const staff = await store.staff.byUsername(username);
  if (!staff) throw new Error(`no staff ${username}`);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await store.staff.createSession({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    staffId: staff.id,
    csrfToken,
    userAgent: 'test',
    ip: '127.0.0.1',
    createdAt: '2000-01-01T00:00:00.000Z',
    expiresAt: '2100-01-01T00:00:00.000Z',
  });
  return agentFor(app, token, { user: toUser(staff), csrfToken });
}

function agentFor(app: FastifyInstance, cookie: string, session: StaffSession): Agent {
  const req: Agent['req'] = ({ csrf = true, ...opts }) =>
    app.inject({
      ...opts,
      cookies: { hsc_staff: cookie },
      headers: { ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}), ...(opts.headers ?? {}) },
    });
  return {
    session,
    cookie,
    req,
    get: (url) => req({ method: 'GET', url }),
    post: (url, payload) => req({ method: 'POST', url, ...(payload ? { payload } : {}) }),
    act: (id, action) => req({ method: 'POST', url: `/api/staff/dossiers/${id}/actions`, payload: action }),
  };
}

export interface SentDossier {
  id: string;
  secret: string;
  files: TestFile[];
  receipt: Receipt;
}

/** A citizen's dossier for a unit, uploaded and sent (201). */
export async function sendDossier(app: FastifyInstance, unitCode: string, over: { fullName?: string; phone?: string; citizenId?: string } = {}): Promise<SentDossier> {
  const files = [testFile('declaration'), testFile('idCard')];
  const base = submission(files, { procedureCode: MARITAL, unitCode, fields: { currentStatus: 'single', purpose: 'Kết hôn' } });
  const body = { ...base, applicant: { ...base.applicant, ...over } };
  const id = randomUUID();
  const secret = newSecret();
  for (const f of files) expect(await injectUpload(app, id, f)).toBe(201);
  const res = await putDossier(app, id, body, secret);
  expect(res.statusCode, res.body).toBe(201);
  return { id, secret, files, receipt: res.json<{ receipt: Receipt }>().receipt };
}

/** A small valid file of each result type. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')]);
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export async function uploadResult(agent: Agent, dossierId: string, bytes = PDF, type = 'application/pdf', name = 'Giấy xác nhận.pdf') {
  return agent.req({
    method: 'POST',
    url: `/api/staff/dossiers/${dossierId}/result`,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    payload: bytes,
  });
}

/** Runs actions in order, each must succeed; returns the last answer. */
export async function actAll(agent: Agent, dossierId: string, actions: StaffActionRequest[]): Promise<ActionResponse> {
  let last: ActionResponse | undefined;
  for (const a of actions) {
    const res = await agent.act(dossierId, a);
    expect(res.statusCode, `${a.action}: ${res.body}`).toBe(200);
    last = res.json<ActionResponse>();
  }
  return last!;
}

/** Brings a dossier to `processing` with an uploaded result, returns the result id. */
export async function toProcessingWithResult(agent: Agent, dossierId: string): Promise<string> {
  await actAll(agent, dossierId, [{ action: 'accept' }, { action: 'start_processing' }]);
  const up = await uploadResult(agent, dossierId);
  expect(up.statusCode, up.body).toBe(201);
  return up.json<{ resultId: string }>().resultId;
}

export const detail = async (agent: Agent, id: string) => (await agent.get(`/api/staff/dossiers/${id}`)).json<{ dossier: DeskDossier }>().dossier;
