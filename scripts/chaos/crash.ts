// Crash: the headless device sends N dossiers straight to the real server, and the server is
// killed with SIGKILL (no chance to finish anything) in the middle of uploads and submissions,
// several times, then started again on the same data directory and port. After every kill, while
// the server lies dead, its database and files are read as the kill left them: no dossier may
// lack a file, and no receipt on the phone may stand for anything the server does not hold. After
// the run, the chaos pass condition (verify.ts). SQLite by default; PostgreSQL with databaseUrl.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../lib/chaos-proxy.ts';
import { freePort, startServer, type RunningServer } from '../lib/server.ts';
import { HeadlessDevice, wipeDevice, type Made, type RunStats } from './device.ts';
import { meanMs } from './net.ts';
import { pgExec, readServerState } from './server-state.ts';
import { auditServer, checkDelivery, checkReceipts } from './verify.ts';

export interface CrashOptions {
  n: number;
  /** How many times the server is killed. */
  kills: number;
  seed: number;
  timeoutMs: number;
  /** See HeadlessDevice: scale of the tus uploader's real retry delays. */
  timeScale?: number;
  /** A PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/test): the run gets a fresh schema in it. */
  postgres?: string;
}

export interface Kill {
  /** The request the kill was aimed at, and how long after it was sent it struck. */
  during: 'upload (PATCH)' | 'submission (PUT)';
  afterMs: number;
  /** What that request had come to; for a PUT, whether the server had committed it. */
  outcome: 'answered' | 'cut mid-upload' | 'cut before commit' | 'committed, answer lost';
  serverDossiers: number;
  deviceReceipts: number;
  partialUploads: number;
  /** How long the server took to come back (start + migrations + health). */
  restartMs: number;
}

export interface CrashResult extends Made, RunStats {
  options: CrashOptions;
  store: 'SQLite' | 'PostgreSQL';
  kills: Kill[];
  requests: number;
  failedRequests: number;
  byMethod: Record<string, number>;
  wallMs: number;
  serverDossiers: number;
  partialUploads: number;
  problems: string[];
  dataDir?: string;
}

interface Plan {
  method: 'PATCH' | 'PUT';
  /** Strike on the `after`-th request of that method since the last restart … */
  after: number;
  /** … this share of 1.5 × its usual duration after it was sent: before, during or after the
   * server's commit (a fixed delay would mostly strike after a 5 ms PUT had been answered). */
  share: number;
}

export async function runCrash(options: CrashOptions): Promise<CrashResult> {
  const { n, kills, seed, timeoutMs, timeScale = 1 } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'hsc-crash-'));
  const schema = `hsc_crash_${randomBytes(5).toString('hex')}`;
  const databaseUrl = options.postgres && `${options.postgres}${options.postgres.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  if (options.postgres) await pgExec(options.postgres, `create schema ${schema}`);
  const env = { PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl, KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') } : {}) };
  let server: RunningServer = await startServer(env);
  const logs: string[] = [];
  const problems: string[] = [];
  const done: Kill[] = [];
  let passed = false;
  try {
    await wipeDevice();
    const device = new HeadlessDevice(server.url, seededRandom(seed + 1), timeScale);
    const made = await device.createDossiers(n, seededRandom(seed + 2));

    // Kills alternate between uploads and submissions, spread over the run.
    const rand = seededRandom(seed + 3);
    const plan: Plan[] = Array.from({ length: kills }, (_, i) => {
      const method = i % 2 === 0 ? 'PATCH' : 'PUT';
      const spread = Math.max(1, Math.floor((method === 'PATCH' ? made.attachments : n) / kills));
      return { method, after: 1 + Math.floor(rand() * spread), share: rand() };
    });
    let seen = 0;
    let crashing: Promise<void> | undefined;

    const crash = async (p: Plan, url: string, delayMs: number, answered: () => boolean) => {
      const unanswered = !answered();
      await server.kill();
      logs.push(server.output());
      // The server is dead: what it holds now is what the kill left behind.
      const state = await readServerState(dataDir, databaseUrl);
      const snapshot = await device.snapshot();
      const label = `after kill ${done.length + 1}`;
      problems.push(...(await auditServer(state, dataDir)).map((x) => `${label}: ${x}`), ...checkReceipts(snapshot, state).map((x) => `${label}: ${x}`));
      const restarted = performance.now();
      server = await startServer(env);
      const dossierId = decodeURIComponent(url.split('/api/dossiers/')[1] ?? '');
      done.push({
        during: p.method === 'PATCH' ? 'upload (PATCH)' : 'submission (PUT)',
        afterMs: delayMs,
        outcome: !unanswered
          ? 'answered'
          : p.method === 'PATCH'
            ? 'cut mid-upload'
            : state.dossiers.some((d) => d.id === dossierId)
              ? 'committed, answer lost'
              : 'cut before commit',
        serverDossiers: state.dossiers.length,
        deviceReceipts: snapshot.filter((d) => d.receipt).length,
        partialUploads: state.partialUploads,
        restartMs: performance.now() - restarted,
      });
    };
    device.net.onRequest((method, url, answer) => {
      const p = plan[done.length];
      if (crashing || !p || method !== p.method || ++seen < p.after) return;
      seen = 0;
      let answered = false;
      answer.then(() => (answered = true), () => undefined);
      const delayMs = Math.round(p.share * 1.5 * (meanMs(device.net.stats, method) ?? 10));
      crashing = new Promise<void>((r) => setTimeout(r, delayMs))
        .then(() => crash(p, url, delayMs, () => answered))
        .finally(() => (crashing = undefined));
    });

    const started = performance.now();
    const run = await device.run(Date.now() + timeoutMs);
    await crashing; // a kill armed by the last requests still happens, and is checked
    const wallMs = performance.now() - started;
    await server.stop();
    logs.push(server.output());
    const state = await readServerState(dataDir, databaseUrl);
    problems.push(
      ...(run.settled ? [] : [`not settled within ${timeoutMs} ms`]),
      ...(done.length < kills ? [`only ${done.length} of ${kills} kills happened`] : []),
      ...(await checkDelivery(await device.snapshot(), state, dataDir, n)),
    );
    passed = problems.length === 0;
    return {
      options,
      store: databaseUrl ? 'PostgreSQL' : 'SQLite',
      ...made,
      ...run,
      kills: done,
      requests: device.net.stats.requests,
      failedRequests: device.net.stats.failed,
      byMethod: device.net.stats.byMethod,
      wallMs,
      serverDossiers: state.dossiers.length,
      partialUploads: state.partialUploads,
      problems,
      ...(passed ? {} : { dataDir }),
    };
  } finally {
    await server.stop();
    if (options.postgres && passed) await pgExec(options.postgres, `drop schema ${schema} cascade; drop schema if exists ${schema}_pgboss cascade`);
    if (passed) await rm(dataDir, { recursive: true, force: true });
    else await writeFile(join(dataDir, 'server.log'), logs.join('\n--- restart ---\n'));
  }
}
