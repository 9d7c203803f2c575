// Liveness and readiness: /api/health/live answers while the process does; /api/health/ready
// only while the store answers a trivial query in time (503 when it is closed, refuses
// connections or hangs); /api/health keeps its first answer.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, expect, test } from 'vitest';
import { healthRoutes } from '../src/routes/health.ts';
import { KyselyOpsStore } from '../src/store/ops.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp } from './support/app.ts';
import { tempDir } from './support/stores.ts';

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
});

/** Only the health routes, over a ping of the test's choosing. */
async function healthOnly(ping: () => Promise<void>, readyTimeoutMs = 100) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(healthRoutes, { storeKind: 'postgres', ping, readyTimeoutMs });
  closers.push(() => app.close());
  return app;
}

test('live and ready answer 200; /api/health keeps its answer; nothing is cached', async () => {
  const t = await testApp();
  closers.push(() => t.close());
  const live = await t.app.inject('/api/health/live');
  expect(live.statusCode).toBe(200);
  expect(live.json()).toEqual({ status: 'ok' });
  const ready = await t.app.inject('/api/health/ready');
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toEqual({ status: 'ok', store: 'sqlite' });
  const health = await t.app.inject('/api/health');
  expect(health.json()).toEqual({ status: 'ok', store: 'sqlite' });
  for (const res of [live, ready, health]) expect(res.headers['cache-control']).toBe('no-store');
});

test('a closed store: ready is 503, live still 200', async () => {
  const dataDir = tempDir();
  const store = openSqliteStore(dataDir);
  const t = await testApp({ dataDir, store });
  closers.push(() => t.close());
  await store.close();
  const ready = await t.app.inject('/api/health/ready');
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toEqual({ status: 'unavailable', store: 'sqlite' });
  expect((await t.app.inject('/api/health/live')).statusCode).toBe(200);
});

test('a PostgreSQL server that refuses connections: ready is 503', async () => {
  const store = openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
  closers.push(() => store.close());
  const app = await healthOnly(() => new KyselyOpsStore(store.db).ping(), 2000);
  const ready = await app.inject('/api/health/ready');
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toEqual({ status: 'unavailable', store: 'postgres' });
});

test('a store that hangs: ready gives up after its timeout with 503', async () => {
  const app = await healthOnly(() => new Promise<void>(() => {}), 100);
  const started = Date.now();
  const ready = await app.inject('/api/health/ready');
  expect(ready.statusCode).toBe(503);
  expect(Date.now() - started).toBeLessThan(1000);
  expect((await app.inject('/api/health/live')).statusCode).toBe(200);
});
