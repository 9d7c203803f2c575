// Limits that hold across nodes: two app instances on one PostgreSQL schema, behind one proxy
// (TRUST_PROXY=1), share the /api/track and /tra-cuu limits and the staff login throttles, so
// the sum of what every node lets through is the limit, sequential or all at once.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { fixedClock, TUESDAY_MORNING } from './support/fixtures.ts';
import { TEST_KEK } from './support/keys.ts';
import { postgresHarness, tempDir, type StoreHarness } from './support/stores.ts';
import { rmSync } from 'node:fs';

const TRACK_MAX = 3;
const LOGIN = { perUser: 3, perIp: 6, windowMs: 15 * 60_000 };

let harness: StoreHarness;
const nodes: FastifyInstance[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  harness = await postgresHarness();
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir();
    dirs.push(dataDir);
    nodes.push(
      await buildApp({
        dataDir,
        webRoot: null,
        demo: true,
        now: fixedClock(TUESDAY_MORNING),
        store: harness.open(),
        keyEncryptionKey: TEST_KEK,
        trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy,
        trackRateLimit: { max: TRACK_MAX, timeWindow: 60_000 },
        loginLimits: LOGIN,
      }),
    );
  }
});
afterAll(async () => {
  for (const n of nodes) await n.close();
  await harness.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const randomIp = () => [...randomBytes(4)].join('.');
/** Request i goes to node i % 2, from `client` behind the proxy, with a forged left-most entry. */
const via = (i: number, client: string) => ({ node: nodes[i % 2]!, headers: { 'x-forwarded-for': `${randomIp()}, ${client}` } });
const track = (i: number, client: string) => {
  const { node, headers } = via(i, client);
  return node.inject({ url: '/api/track/H19.05716-260310-0001?lookup=ABCD', headers });
};

describe('the track limit is one count across nodes', () => {
  test('alternating between the nodes, the client gets the limit in all, then 429 on both', async () => {
    const client = '10.0.0.7';
    for (let i = 0; i < TRACK_MAX; i++) expect((await track(i, client)).statusCode).toBe(404);
    expect((await track(0, client)).statusCode).toBe(429);
    expect((await track(1, client)).statusCode).toBe(429);
  });

  test('all at once on both nodes: exactly the limit gets through', async () => {
    const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => track(i, '10.0.0.8').then((r) => r.statusCode)));
    expect(codes.filter((c) => c === 404)).toHaveLength(TRACK_MAX);
    expect(codes.filter((c) => c === 429)).toHaveLength(12 - TRACK_MAX);
  });

  test('/tra-cuu has its own count, shared the same way', async () => {
    const client = '10.0.0.9';
    const post = (i: number) => {
      const { node, headers } = via(i, client);
      return node.inject({ method: 'POST', url: '/tra-cuu', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'ma=H19.05716-260310-0001&tra=ABCD' });
    };
    expect((await track(0, client)).statusCode).toBe(404);
    for (let i = 0; i < TRACK_MAX; i++) expect((await post(i)).statusCode).toBe(404);
    expect((await post(1)).statusCode).toBe(429);
    expect((await post(0)).statusCode).toBe(429);
  });
});

describe('the login throttles are one count across nodes', () => {
  const login = (i: number, username: string, password: string, client: string) => {
    const { node, headers } = via(i, client);
    return node.inject({ method: 'POST', url: '/api/staff/login', headers, payload: { username, password } });
  };

  test('failures for a username on either node add up: then even the right password is refused on both', async () => {
    for (let i = 0; i < LOGIN.perUser; i++) expect((await login(i, 'demo.officer2', 'wrong-pass', `10.1.0.${i}`)).statusCode).toBe(401);
    expect((await login(0, 'demo.officer2', 'demo1234', '10.1.0.50')).statusCode).toBe(429);
    expect((await login(1, 'demo.officer2', 'demo1234', '10.1.0.51')).statusCode).toBe(429);
  });

  test('guesses sent at once to both nodes: no more than the limit are checked', async () => {
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => login(i, 'demo.leader', 'wrong-pass', `10.2.0.${i}`).then((r) => r.statusCode)));
    expect(codes.filter((c) => c === 401)).toHaveLength(LOGIN.perUser);
    expect(codes.filter((c) => c === 429)).toHaveLength(8 - LOGIN.perUser);
  });

  test('failures from one client address on either node add up for every username; successes do not count', async () => {
    const office = '10.3.0.1';
    // An office's people signing in all day are not guesses.
    for (let i = 0; i < LOGIN.perIp + 2; i++) expect((await login(i, 'demo.admin', 'demo1234', office)).statusCode).toBe(200);
    for (let i = 0; i < LOGIN.perIp; i++) expect((await login(i, `guess${i}`, 'wrong-pass', office)).statusCode).toBe(401);
    expect((await login(0, 'demo.admin', 'demo1234', office)).statusCode).toBe(429);
    expect((await login(1, 'demo.province', 'demo1234', office)).statusCode).toBe(429);
    expect((await login(1, 'demo.province', 'demo1234', '10.3.0.2')).statusCode).toBe(200);
  });
});
