// Chaos sync: the real server ← the seeded fault-injecting proxy ← the headless device with N
// dossiers. Afterwards the server is stopped and its database and files are compared with the
// device (verify.ts). Used by the benchmark CLI (bench/chaos.ts) and the CI test (e2e/chaos.test.ts).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startChaosProxy, seededRandom, type Fault } from '../lib/chaos-proxy.ts';
import { startServer } from '../lib/server.ts';
import { HeadlessDevice, wipeDevice, type Made, type RunStats } from './device.ts';
import { readServerState } from './server-state.ts';
import { checkDelivery } from './verify.ts';

export interface ChaosOptions {
  n: number;
  faultRate: number;
  seed: number;
  /** Latency added to `delay` connections. */
  delayMs?: number;
  /** Give up after this long (the run then fails with "not settled"). */
  timeoutMs: number;
  /** Scale of the tus uploader's real retry delays (see HeadlessDevice); 1 by default. */
  timeScale?: number;
}

export interface ChaosResult extends Made, RunStats {
  options: ChaosOptions;
  faults: Record<Fault, number>;
  /** Bytes the proxy carried from the device to the server, and back. */
  wire: { up: number; down: number };
  requests: number;
  failedRequests: number;
  byMethod: Record<string, number>;
  statuses: Record<string, number>;
  wallMs: number;
  serverDossiers: number;
  partialUploads: number;
  problems: string[];
  /** Kept when the run failed, for a look at what the server holds. */
  dataDir?: string;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const { n, faultRate, seed, delayMs = 200, timeoutMs, timeScale = 1 } = options;
  const server = await startServer({ LOG_LEVEL: 'warn' });
  const proxy = await startChaosProxy({ target: { host: '127.0.0.1', port: Number(new URL(server.url).port) }, faultRate, seed, delayMs });
  let passed = false;
  try {
    await wipeDevice();
    const device = new HeadlessDevice(`http://127.0.0.1:${proxy.port}`, seededRandom(seed + 1), timeScale);
    const made = await device.createDossiers(n, seededRandom(seed + 2));
    const started = performance.now();
    const run = await device.run(Date.now() + timeoutMs);
    const wallMs = performance.now() - started;
    await proxy.close();
    await server.stop(); // SQLite checkpoints on a clean stop; the files are read after
    const state = await readServerState(server.dataDir);
    const problems = [...(run.settled ? [] : [`not settled within ${timeoutMs} ms`]), ...(await checkDelivery(await device.snapshot(), state, server.dataDir, n))];
    passed = problems.length === 0;
    return {
      options,
      ...made,
      ...run,
      faults: { ...proxy.counts },
      wire: { ...proxy.bytes },
      requests: device.net.stats.requests,
      failedRequests: device.net.stats.failed,
      byMethod: device.net.stats.byMethod,
      statuses: device.net.stats.statuses,
      wallMs,
      serverDossiers: state.dossiers.length,
      partialUploads: state.partialUploads,
      problems,
      ...(passed ? {} : { dataDir: server.dataDir }),
    };
  } finally {
    await proxy.close();
    await server.stop();
    if (passed) await rm(server.dataDir, { recursive: true, force: true });
    else await writeFile(join(server.dataDir, 'server.log'), server.output());
  }
}
