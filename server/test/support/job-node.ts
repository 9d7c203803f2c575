// One API node in a process of its own, on a PostgreSQL schema, for tests that kill a node
// (SIGKILL: no close, no hook) while it holds a job. Prints `ready` once it works its queues.
// Env: TEST_PG_URL, TEST_PG_SCHEMA, TEST_KEK (base64); pushes are allowed to 127.0.0.1.
import { rmSync } from 'node:fs';
import { buildApp } from '../../src/app.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { JOB_TEST_TIMINGS } from './job-timings.ts';
import { tempDir } from './stores.ts';

const dataDir = tempDir();
const app = await buildApp({
  dataDir,
  webRoot: null,
  store: openPostgresStore({ connectionString: process.env.TEST_PG_URL!, searchPath: process.env.TEST_PG_SCHEMA!, maxConnections: 4 }),
  keyEncryptionKey: Buffer.from(process.env.TEST_KEK!, 'base64'),
  ...JOB_TEST_TIMINGS,
});
await app.ready();
process.stdout.write('ready\n');
process.once('SIGTERM', () => void app.close().finally(() => (rmSync(dataDir, { recursive: true, force: true }), process.exit(0))));
