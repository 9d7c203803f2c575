// The province's deployment under fire: several API nodes, each with its own empty data
// directory, on one PostgreSQL database, behind HAProxy (round robin), with the fault-injecting
// proxy in front, as the phone's bad network. The headless device sends N dossiers while one
// node is SIGKILLed and started again. Pass: exactly N dossiers, every page byte-identical in
// the database and downloadable byte for byte through every node, one key set on every node,
// every receipt verifies, and no 5xx except from the killed node. Used by the CI test
// (e2e/cluster.test.ts) and the benchmark (bench/cluster.ts).
import './device-env.ts';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDocument, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import { startChaosProxy, seededRandom, type Fault } from '../lib/chaos-proxy.ts';
import { startHaproxy, type Balancer, type LoggedRequest } from '../lib/haproxy.ts';
import { freePort, startServer, type RunningServer } from '../lib/server.ts';
import { listAttachments } from '../../web/src/db/attachments.ts';
import { db } from '../../web/src/db/db.ts';
import { toSubmission } from '../../web/src/db/dossiers.ts';
import { HeadlessDevice, wipeDevice, type Made, type RunStats } from './device.ts';
import { pgExec, readServerState } from './server-state.ts';
import { checkDelivery } from './verify.ts';

export const TEST_POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ClusterOptions {
  nodes: number;
  n: number;
  faultRate: number;
  seed: number;
  timeoutMs: number;
  timeScale?: number;
  /** SIGKILL one node after this many device requests (0: no kill), and start it again after `downMs`. */
  killAfterRequests: number;
  downMs?: number;
  postgres?: string;
}

export interface ClusterResult extends Made, RunStats {
  options: ClusterOptions;
  faults: Record<Fault, number>;
  wallMs: number;
  /** Dossiers and pages per second of wall time, as the device saw them through everything. */
  submissionsPerSecond: number;
  uploadsPerSecond: number;
  requests: number;
  failedRequests: number;
  /** Answers by node, as HAProxy logged them. */
  byNode: Record<string, number>;
  fiveHundreds: LoggedRequest[];
  killed?: string;
  kids: string[][];
  pagesCheckedPerNode: number;
  problems: string[];
}

export interface Node {
  name: string;
  env: Record<string, string>;
  server: RunningServer;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.province', password: 'demo1234' }) });
  if (res.status !== 200) throw new Error(`sign-in through ${base}: HTTP ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** N nodes on a fresh schema behind HAProxy; `stop` keeps the schema and directories when asked. */
export interface Cluster {
  nodes: Node[];
  balancer: Balancer;
  databaseUrl: string;
  stop(keep: boolean): Promise<void>;
}

export async function startCluster(count: number, postgres = TEST_POSTGRES): Promise<Cluster> {
  const schema = `hsc_cluster_${randomBytes(5).toString('hex')}`;
  const databaseUrl = `${postgres}${postgres.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  await pgExec(postgres, `create schema ${schema}`);
  const shared = { DATABASE_URL: databaseUrl, KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'), DEMO: '1', LOG_LEVEL: 'warn' };
  // Started together, as a deployment starts them: migrations, seeds and the key set must
  // converge on one database.
  const envs = await Promise.all(
    Array.from({ length: count }, async (_, i) => ({ name: `n${i + 1}`, env: { ...shared, PORT: String(await freePort()), DATA_DIR: await mkdtemp(join(tmpdir(), `hsc-node${i + 1}-`)) } })),
  );
  const nodes: Node[] = await Promise.all(envs.map(async (e) => ({ ...e, server: await startServer(e.env) })));
  const balancer = await startHaproxy(nodes.map((x) => ({ name: x.name, port: Number(x.env.PORT) })));
  return {
    nodes,
    balancer,
    databaseUrl,
    async stop(keep) {
      await balancer.close();
      await Promise.all(nodes.map((x) => x.server.stop()));
      if (keep) {
        console.error(`cluster run failed: schema ${schema} and data directories kept\n${nodes.map((x) => `--- ${x.name} ---\n${x.server.output()}`).join('\n')}`);
        return;
      }
      // With it, the jobs pg-boss kept for these nodes (server/src/jobs: `<schema>_pgboss`).
      await pgExec(postgres, `drop schema ${schema} cascade; drop schema if exists ${schema}_pgboss cascade`);
      await Promise.all(nodes.map((x) => rm(x.env.DATA_DIR!, { recursive: true, force: true })));
    },
  };
}

export async function runCluster(options: ClusterOptions): Promise<ClusterResult> {
  const { nodes: count, n, faultRate, seed, timeoutMs, timeScale = 1, killAfterRequests, downMs = 1000 } = options;
  const cluster = await startCluster(count, options.postgres);
  const { nodes, balancer, databaseUrl } = cluster;
  const problems: string[] = [];
  let passed = false;
  try {
    const proxy = await startChaosProxy({ target: { host: '127.0.0.1', port: Number(new URL(balancer.url).port) }, faultRate, seed, delayMs: 200 });
    try {
      await wipeDevice();
      const device = new HeadlessDevice(`http://127.0.0.1:${proxy.port}`, seededRandom(seed + 1), timeScale);
      const made = await device.createDossiers(n, seededRandom(seed + 2));

      // The kill: the last node, mid-run, with no chance to finish anything; back after downMs.
      const victim = killAfterRequests > 0 ? nodes.at(-1)! : undefined;
      let restarting: Promise<void> | undefined;
      let seen = 0;
      if (victim) {
        device.net.onRequest(() => {
          if (++seen !== killAfterRequests) return;
          restarting = (async () => {
            await victim.server.kill();
            await new Promise((r) => setTimeout(r, downMs));
            victim.server = await startServer(victim.env);
          })();
        });
      }

      const started = performance.now();
      const run = await device.run(Date.now() + timeoutMs);
      const wallMs = performance.now() - started;
      await restarting;
      if (victim && seen < killAfterRequests) problems.push(`the device made ${seen} requests: the kill after ${killAfterRequests} never happened`);

      const snapshot = await device.snapshot();
      const state = await readServerState(nodes[0]!.env.DATA_DIR!, databaseUrl);
      problems.push(...(run.settled ? [] : [`not settled within ${timeoutMs} ms`]), ...(await checkDelivery(snapshot, state, nodes[0]!.env.DATA_DIR!, n)));

      // One key set, the same on every node; every receipt verifies against it.
      const kids: string[][] = [];
      let keys: PublicKeyEntry[] = [];
      for (const node of nodes) {
        const list = ((await (await fetch(`${node.server.url}/api/receipts/keys`)).json()) as { keys: PublicKeyEntry[] }).keys;
        kids.push(list.map((k) => k.kid));
        if (keys.length === 0) keys = list;
        else if (JSON.stringify(list) !== JSON.stringify(keys)) problems.push(`node ${node.name} publishes other receipt keys than ${nodes[0]!.name}`);
      }
      for (const d of snapshot) {
        if (!d.receipt) continue;
        const verdict = await verifyDocument(d.receipt, keys);
        if (verdict.kind !== 'valid') problems.push(`receipt ${d.receipt.code} does not verify: ${verdict.kind}`);
      }

      // Every page, through every node directly: no node keeps bytes of its own.
      let pagesChecked = 0;
      for (const node of nodes) {
        const cookie = await signIn(node.server.url);
        for (const d of snapshot) {
          for (const p of d.pages) {
            const res = await fetch(`${node.server.url}/api/staff/dossiers/${d.id}/files/${p.id}`, { headers: { cookie } });
            const bytes = new Uint8Array(await res.arrayBuffer());
            if (res.status !== 200) problems.push(`page ${p.id} of ${d.id} through ${node.name}: HTTP ${res.status}`);
            else if (sha256(bytes) !== p.sha256) problems.push(`page ${p.id} of ${d.id} through ${node.name} differs from the device's bytes`);
            else pagesChecked++;
          }
        }
      }

      const logged = balancer.requests();
      const fiveHundreds = logged.filter((r) => r.status >= 500);
      for (const r of fiveHundreds) if (r.server !== victim?.name) problems.push(`${r.status} from ${r.server} (${r.termination}) for ${r.method} ${r.path}`);
      const byNode: Record<string, number> = {};
      for (const r of logged) byNode[r.server] = (byNode[r.server] ?? 0) + 1;

      passed = problems.length === 0;
      return {
        options,
        ...made,
        ...run,
        faults: { ...proxy.counts },
        wallMs,
        submissionsPerSecond: n / (wallMs / 1000),
        uploadsPerSecond: made.attachments / (wallMs / 1000),
        requests: device.net.stats.requests,
        failedRequests: device.net.stats.failed,
        byNode,
        fiveHundreds,
        ...(victim ? { killed: victim.name } : {}),
        kids,
        pagesCheckedPerNode: pagesChecked / nodes.length,
        problems,
      };
    } finally {
      await proxy.close();
    }
  } finally {
    await cluster.stop(!passed);
  }
}

export interface Throughput {
  nodes: number;
  n: number;
  concurrency: number;
  uploads: number;
  wallMs: number;
  submissionsPerSecond: number;
  uploadsPerSecond: number;
  byNode: Record<string, number>;
  problems: string[];
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * Server throughput: `concurrency` clients at once, each uploading a dossier's pages (tus,
 * creation with upload) and then PUTting it, through HAProxy with no fault proxy. The bodies
 * are made the way the app makes them (the headless device's drafts).
 */
export async function measureThroughput(count: number, { n, concurrency, seed }: { n: number; concurrency: number; seed: number }): Promise<Throughput> {
  const cluster = await startCluster(count);
  const problems: string[] = [];
  try {
    await wipeDevice();
    const device = new HeadlessDevice(cluster.balancer.url, seededRandom(seed + 1));
    await device.createDossiers(n, seededRandom(seed + 2));
    const work = await Promise.all(
      (await db.dossiers.toArray()).map(async (d) => {
        const pages = await listAttachments(d.id);
        return { d, pages: await Promise.all(pages.map(async (p) => ({ ref: p, bytes: new Uint8Array(await p.blob.arrayBuffer()) }))), body: toSubmission(d, pages) };
      }),
    );
    const base = cluster.balancer.url;
    let next = 0;
    let uploads = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < work.length; i = next++) {
          const { d, pages, body } = work[i]!;
          for (const { ref, bytes } of pages) {
            const metadata = [`dossierId ${b64(d.id)}`, `attachmentId ${b64(ref.id)}`, `sha256 ${b64(ref.sha256)}`, `filename ${b64(ref.fileName)}`, `filetype ${b64(ref.mediaType)}`].join(',');
            const res = await fetch(`${base}/api/uploads`, {
              method: 'POST',
              headers: { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'upload-metadata': metadata, 'content-type': 'application/offset+octet-stream' },
              body: bytes,
            });
            await res.arrayBuffer();
            if (res.status === 201) uploads++;
            else problems.push(`upload ${ref.id}: HTTP ${res.status}`);
          }
          const res = await fetch(`${base}/api/dossiers/${d.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-dossier-secret': d.deviceSecret }, body: JSON.stringify(body) });
          await res.arrayBuffer();
          if (res.status !== 201) problems.push(`PUT ${d.id}: HTTP ${res.status}`);
        }
      }),
    );
    const wallMs = performance.now() - started;
    const byNode: Record<string, number> = {};
    for (const r of cluster.balancer.requests()) byNode[r.server] = (byNode[r.server] ?? 0) + 1;
    return { nodes: count, n, concurrency, uploads, wallMs, submissionsPerSecond: n / (wallMs / 1000), uploadsPerSecond: uploads / (wallMs / 1000), byNode, problems };
  } finally {
    await cluster.stop(problems.length > 0);
  }
}
