// Background work as jobs, on both databases. Web Push: a push service that answers 503 twice
// and then 201 gets the notification once, the tries spaced by the backoff; a Retry-After is
// waited for; 410 removes the subscription. On SQLite a delivery cut by the process stopping is
// sent at the next start; webhook rounds and the purge run on their period, once per period
// across a restart. On PostgreSQL with two nodes on one schema: a delivery is done by one
// node; the purge runs once per period, not once per node; a job taken by a node that is
// closed without finishing it, or killed, is done by another (the killed node's once its
// expiry has passed).
import { spawn, type ChildProcess } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, type AppConfig } from '../src/app.ts';
import { bossSchemaFor, PgBossJobs } from '../src/jobs/pg-boss-jobs.ts';
import { retryAfterMs } from '../src/services/push.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { migrateTo } from '../src/store/migrations.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, sendDossier, VO_NHAI, type SentDossier } from './support/desk.ts';
import { JOB_TEST_TIMINGS } from './support/job-timings.ts';
import { POSTGRES_URL, postgresHarness, tempDir, type StoreHarness } from './support/stores.ts';

type Answer = number | 'hang' | { status: number; retryAfter: string };

/** A push service on 127.0.0.1 answering from a script (then 201), noting when each request came. */
async function scriptedEndpoint(script: Answer[]) {
  const arrivals: { at: number; status: number | 'hang' }[] = [];
  const hung: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = script.shift() ?? 201;
      arrivals.push({ at: Date.now(), status: typeof answer === 'object' ? answer.status : answer });
      if (answer === 'hang') hung.push(res);
      else if (typeof answer === 'object') res.writeHead(answer.status, { 'retry-after': answer.retryAfter }).end();
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    arrivals,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/${randomBytes(4).toString('hex')}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
type Endpoint = Awaited<ReturnType<typeof scriptedEndpoint>>;

function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

async function subscribe(app: FastifyInstance, d: SentDossier, endpoint: string) {
  const res = await app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/push`, headers: { 'x-dossier-secret': d.secret }, payload: { subscription: { endpoint, keys: browserKeys() }, lang: 'vi' } });
  expect(res.statusCode, res.body).toBe(204);
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gaps = (e: Endpoint) => e.arrivals.slice(1).map((a, i) => a.at - e.arrivals[i]!.at);

/** 503, 503, 201: one notification, the second try at least 100 ms after the first, the third 200 ms after. */
async function retriedDelivery(sender: FastifyInstance, nodes: FastifyInstance[]) {
  const ep = await scriptedEndpoint([503, 503]);
  try {
    const d = await sendDossier(sender, VO_NHAI);
    await subscribe(sender, d, ep.url);
    const officer = await login(sender, 'demo.officer');
    expect((await officer.act(d.id, { action: 'accept' })).statusCode).toBe(200);
    for (const n of nodes) await n.push.settled();
    await sleep(300);
    expect(ep.arrivals.map((a) => a.status)).toEqual([503, 503, 201]);
    const [first, second] = gaps(ep) as [number, number];
    expect(first).toBeGreaterThanOrEqual(95);
    expect(second).toBeGreaterThanOrEqual(195);
  } finally {
    await ep.close();
  }
}

async function goneRemoves(app: FastifyInstance, store: { push: { forDossier(id: string): Promise<unknown[]> } }) {
  const ep = await scriptedEndpoint([410]);
  try {
    const d = await sendDossier(app, VO_NHAI);
    await subscribe(app, d, ep.url);
    expect(await store.push.forDossier(d.id)).toHaveLength(1);
    const officer = await login(app, 'demo.officer');
    await officer.act(d.id, { action: 'accept' });
    await app.push.settled();
    expect(ep.arrivals.map((a) => a.status)).toEqual([410]);
    expect(await store.push.forDossier(d.id)).toHaveLength(0);
  } finally {
    await ep.close();
  }
}

/** The runner itself: a keyed job is sent once; a failing job is tried retryLimit + 1 times with backoff, then left. */
async function runnerBasics(app: FastifyInstance) {
  const q = `test-${randomBytes(3).toString('hex')}`;
  await app.jobs.queue(q, { retryLimit: 2, retryDelayMs: 100, backoff: true, expireMs: 5000 });
  const tries: { at: number; attempt: number; data: object }[] = [];
  await app.jobs.work<{ n: number; fail?: boolean }>(q, async (job) => {
    tries.push({ at: Date.now(), attempt: job.attempt, data: job.data });
    if (job.data.fail) throw new Error('always');
  });
  await app.jobs.send(q, { n: 1 }, { key: 'same' });
  await app.jobs.send(q, { n: 2 }, { key: 'same' });
  await app.jobs.send(q, { n: 3, fail: true });
  await waitFor('the jobs', async () => tries.length >= 4 && (await app.jobs.pending([q])) === 0);
  await sleep(400);
  expect(tries.filter((t) => (t.data as { n: number }).n !== 3).map((t) => t.data)).toEqual([{ n: 1 }]);
  const failing = tries.filter((t) => (t.data as { n: number }).n === 3);
  expect(failing.map((t) => t.attempt)).toEqual([0, 1, 2]);
  expect(failing[1]!.at - failing[0]!.at).toBeGreaterThanOrEqual(95);
  expect(failing[2]!.at - failing[1]!.at).toBeGreaterThanOrEqual(195);
}

describe('jobs on SQLite', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const sqliteTimings = { ...JOB_TEST_TIMINGS, jobs: { ...JOB_TEST_TIMINGS.jobs, pollMs: 20 } };

  test('the runner: a keyed job once, a failing one retried with backoff up to its limit', async () => {
    t = await testApp({ ...sqliteTimings });
    await runnerBasics(t.app);
  });

  test('a push answered 503 twice then 201 is delivered once, with backoff', async () => {
    t = await testApp({ demo: true, ...sqliteTimings });
    await retriedDelivery(t.app, [t.app]);
  });

  test('a 429 with Retry-After is tried again no sooner; 410 removes the subscription', async () => {
    t = await testApp({ demo: true, ...sqliteTimings });
    const ep = await scriptedEndpoint([{ status: 429, retryAfter: '1' }]);
    try {
      const d = await sendDossier(t.app, VO_NHAI);
      await subscribe(t.app, d, ep.url);
      const officer = await login(t.app, 'demo.officer');
      await officer.act(d.id, { action: 'accept' });
      await t.app.push.settled();
      expect(ep.arrivals.map((a) => a.status)).toEqual([429, 201]);
      expect(gaps(ep)[0]).toBeGreaterThanOrEqual(990);
    } finally {
      await ep.close();
    }
    // A second handle on the same file, to read the subscriptions (WAL: readers beside the app).
    const store = openSqliteStore(t.dataDir);
    try {
      await goneRemoves(t.app, store);
    } finally {
      await store.close();
    }
  });

  test('a delivery cut by the process stopping is sent at the next start, once', async () => {
    const dataDir = tempDir();
    const ep = await scriptedEndpoint(['hang']);
    let app = await buildApp({ dataDir, webRoot: null, demo: true, ...sqliteTimings });
    try {
      const d = await sendDossier(app, VO_NHAI);
      await subscribe(app, d, ep.url);
      const officer = await login(app, 'demo.officer');
      await officer.act(d.id, { action: 'accept' });
      await waitFor('the first try', () => ep.arrivals.length === 1);
      // The process goes while the push service has not answered: the job stays taken.
      await app.close();
      app = await buildApp({ dataDir, webRoot: null, ...sqliteTimings });
      await app.ready();
      await app.push.settled();
      await sleep(200);
      expect(ep.arrivals.map((a) => a.status)).toEqual(['hang', 201]);
    } finally {
      await app.close();
      await ep.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('webhook rounds (deliverDue) and the purge run as periodic jobs', async () => {
    t = await testApp({ demo: true, ...sqliteTimings, webhookEveryMs: 1000, purgeEveryMs: 1000 });
    let rounds = 0;
    let purges = 0;
    const deliverDue = t.app.integration.deliverDue.bind(t.app.integration);
    t.app.integration.deliverDue = (now) => (rounds++, deliverDue(now));
    const run = t.app.purge.run.bind(t.app.purge);
    t.app.purge.run = () => (purges++, run());
    await waitFor('a webhook round and a purge', () => rounds >= 1 && purges >= 1, 5000);
  });

  test('a restart within the period does not run the periodic job again; a database of 0013 gets the jobs table', async () => {
    const dataDir = tempDir();
    const HOUR = 3_600_000;
    try {
      // An install from before the job runner; this handle reads the jobs beside the app (WAL).
      const store = openSqliteStore(dataDir);
      await migrateTo(store.db as unknown as Kysely<unknown>, '0013_pg_blobs');
      const purges = () => (store.db as unknown as Kysely<{ jobs: { name: string; state: string } }>).selectFrom('jobs').select(['state']).where('name', '=', 'purge').execute();
      const periodNow = () => Math.floor(Date.now() / HOUR);
      const before = periodNow();
      try {
        for (let i = 0; i < 2; i++) {
          const app = await buildApp({ dataDir, webRoot: null, ...sqliteTimings, purgeEveryMs: HOUR });
          await app.ready();
          await waitFor('this hour\'s purge', async () => (await purges()).some((r) => r.state === 'done'));
          await sleep(100);
          await app.close();
        }
        // One per hour: two starts in the same hour made one (two only if the hour turned meanwhile).
        const rows = await purges();
        expect(rows).toHaveLength(periodNow() === before ? 1 : 2);
        expect(rows.every((r) => r.state === 'done')).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('Retry-After: seconds or an HTTP date, capped at a day', () => {
    const now = Date.parse('2026-03-10T02:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 10 Mar 2026 02:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('9999999', now)).toBe(86_400_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('jobs on PostgreSQL, two nodes on one schema', () => {
  let harness: StoreHarness;
  const kek = randomBytes(32);
  const open: { app: FastifyInstance; dataDir: string }[] = [];
  const children: ChildProcess[] = [];

  async function node(over: Partial<AppConfig> = {}) {
    const dataDir = tempDir();
    const app = await buildApp({ dataDir, webRoot: null, demo: true, store: harness.open(), keyEncryptionKey: kek, ...JOB_TEST_TIMINGS, ...over });
    open.push({ app, dataDir });
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    harness = await postgresHarness();
  }, 60_000);
  afterEach(async () => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const n of open.splice(0)) {
      await n.app.close();
      rmSync(n.dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('a push answered 503 twice then 201 is delivered once, by one of the nodes, with backoff', async () => {
    const a = await node();
    const b = await node();
    await retriedDelivery(a, [a, b]);
  });

  test('the runner: a keyed job once, a failing one retried with backoff up to its limit', async () => {
    await runnerBasics(await node());
  });

  test('nodes starting at once on a new database: pg-boss\'s schema and the queues are made once', async () => {
    const { store, dispose } = await harness.fresh();
    try {
      const db = store.db as unknown as Kysely<unknown>;
      const all = await Promise.all([1, 2, 3].map(() => PgBossJobs.open(db)));
      await Promise.all(all.map((j) => j.queue('x', { retryLimit: 1, retryDelayMs: 1000, backoff: true, expireMs: 1000 })));
      await all[0]!.send('x', { n: 1 });
      expect(await all[2]!.pending(['x'])).toBe(1);
      for (const j of all) await j.stop(1000);
    } finally {
      await dispose();
    }
  });

  test('410 removes the subscription', async () => {
    const a = await node();
    await node();
    const store = harness.open();
    try {
      await goneRemoves(a, store);
    } finally {
      await store.close();
    }
  });

  test('the purge runs once per period across the nodes, not once per node', async () => {
    const started = Date.now();
    const a = await node({ purgeEveryMs: 1000 });
    const b = await node({ purgeEveryMs: 1000 });
    let runs = 0;
    for (const n of [a, b]) {
      const run = n.purge.run.bind(n.purge);
      n.purge.run = () => (runs++, run());
    }
    await sleep(3200);
    const db = (harness.open() as KyselyStore).db as unknown as Kysely<unknown>;
    try {
      const schema = bossSchemaFor((await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s);
      const { rows } = await sql<{ singleton_on: Date; state: string }>`select singleton_on, state from ${sql.table(`${schema}.job`)} where name = 'purge' order by singleton_on`.execute(db);
      const periods = Math.ceil((Date.now() - started) / 1000) + 1;
      // Each node asked for a purge twice a second: without the period's single slot there would be ~12.
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.length).toBeLessThanOrEqual(periods);
      expect(new Set(rows.map((r) => r.singleton_on.getTime())).size).toBe(rows.length);
      expect(runs).toBeLessThanOrEqual(rows.length);
      expect(rows.filter((r) => r.state === 'completed').length).toBeGreaterThanOrEqual(rows.length - 1);
    } finally {
      await db.destroy();
    }
  });

  test('a job taken by a node that is then closed without finishing it is done by the other', async () => {
    const ep = await scriptedEndpoint(['hang']);
    try {
      const a = await node();
      const d = await sendDossier(a, VO_NHAI);
      await subscribe(a, d, ep.url);
      const officer = await login(a, 'demo.officer');
      expect((await officer.act(d.id, { action: 'accept' })).statusCode).toBe(200);
      await waitFor('node A to take the push', () => ep.arrivals.length === 1);
      const b = await node();
      // A closes while the push service has not answered it (its grace is 200 ms).
      const entry = open.find((n) => n.app === a)!;
      open.splice(open.indexOf(entry), 1);
      await a.close();
      rmSync(entry.dataDir, { recursive: true, force: true });
      await waitFor('node B to send it', () => ep.arrivals.length === 2, 20_000);
      await b.push.settled();
      await sleep(300);
      expect(ep.arrivals.map((x) => x.status)).toEqual(['hang', 201]);
    } finally {
      await ep.close();
    }
  }, 30_000);

  test('a job taken by a node that is killed is done by another once its expiry has passed', async (ctx) => {
    // The killed node is another process: it needs a PostgreSQL server, not the embedded one.
    if (!harness.name.startsWith('PostgreSQL') || harness.name.includes('PGlite')) ctx.skip();
    const ep = await scriptedEndpoint(['hang']);
    try {
      // This node sends only, so the node in its own process is the one that takes the push.
      const sender = await node({ jobs: { ...JOB_TEST_TIMINGS.jobs, work: false } });
      const d = await sendDossier(sender, VO_NHAI);
      await subscribe(sender, d, ep.url);
      const officer = await login(sender, 'demo.officer');
      const store = harness.open() as KyselyStore;
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
      await store.close();

      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/job-node.ts', import.meta.url))], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, TEST_PG_URL: POSTGRES_URL, TEST_PG_SCHEMA: schema, TEST_KEK: kek.toString('base64') },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`node exited ${code}`)));
      });

      expect((await officer.act(d.id, { action: 'accept' })).statusCode).toBe(200);
      await waitFor('the killed node to take the push', () => ep.arrivals.length === 1);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const other = await node();
      await waitFor('another node to send it', () => ep.arrivals.length === 2, 20_000);
      await other.push.settled();
      await sleep(300);
      expect(ep.arrivals.map((a) => a.status)).toEqual(['hang', 201]);
    } finally {
      await ep.close();
    }
  }, 40_000);
});
