// Province deployment benchmark: `pnpm bench:cluster [--n 200] [--fault-rate 0.3] [--seed 1]
// [--concurrency 16] [--time-scale 1] [--timeout-min 30]`. First three nodes behind HAProxy with
// the fault proxy in front and one node SIGKILLed mid-run (the pass condition of the CI test at
// full size); then server throughput with 1 node and with 3 (concurrent clients, no faults).
// Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) and
// HAProxy. Prints the figures; exits non-zero if the pass condition fails.
import { parseArgs } from 'node:util';
import { measureThroughput, runCluster } from '../chaos/cluster.ts';
import { mb } from '../chaos/report.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    'fault-rate': { type: 'string', default: '0.3' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '16' },
    'timeout-min': { type: 'string', default: '30' },
    'time-scale': { type: 'string', default: '1' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);

console.log(`cluster chaos: 3 nodes, N=${n}, fault rate ${values['fault-rate']}, seed ${seed}, one node SIGKILLed after a third of the requests`);
const r = await runCluster({
  nodes: 3,
  n,
  faultRate: Number(values['fault-rate']),
  seed,
  timeoutMs: Number(values['timeout-min']) * 60_000,
  timeScale: Number(values['time-scale']),
  // About a third of the way: a dossier takes ~2 pages + 1 PUT + a status read, and faults add retries.
  killAfterRequests: Math.max(10, Math.round(n * 1.5)),
});
console.log(`dossiers ${r.dossiers}, attachments ${r.attachments}, payload ${mb(r.bytes)}`);
console.log(`device requests ${r.requests}, failed ${r.failedRequests}; faults ${Object.entries(r.faults).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`answered by node (HAProxy log): ${Object.entries(r.byNode).sort().map(([k, v]) => `${k} ${v}`).join(', ')}; killed ${r.killed ?? 'none'}`);
console.log(`5xx: ${r.fiveHundreds.length} (${r.fiveHundreds.map((x) => `${x.status} ${x.server} ${x.termination}`).join(', ') || 'none'})`);
console.log(`receipt keys per node: ${r.kids.map((k) => k.join('+')).join(' | ')}; pages downloaded per node ${r.pagesCheckedPerNode}`);
console.log(`wall ${(r.wallMs / 1000).toFixed(1)} s: ${r.submissionsPerSecond.toFixed(2)} submissions/s, ${r.uploadsPerSecond.toFixed(2)} uploads/s (one phone, sequential, through faults)`);
console.log(r.problems.length ? `FAIL (${r.problems.length}):\n  ${r.problems.slice(0, 20).join('\n  ')}` : 'PASS: exactly N dossiers, every page byte-identical through every node, one key set, every receipt verifies, no 5xx but from the killed node');

for (const nodes of [1, 3]) {
  const t = await measureThroughput(nodes, { n, concurrency: Number(values.concurrency), seed: seed + 100 });
  console.log(
    `throughput, ${nodes} node${nodes > 1 ? 's' : ''}, ${t.concurrency} clients: ${t.n} dossiers, ${t.uploads} uploads in ${(t.wallMs / 1000).toFixed(1)} s = ` +
      `${t.submissionsPerSecond.toFixed(1)} submissions/s, ${t.uploadsPerSecond.toFixed(1)} uploads/s (by node: ${Object.entries(t.byNode).sort().map(([k, v]) => `${k} ${v}`).join(', ')})${t.problems.length ? ` FAIL: ${t.problems.slice(0, 5).join('; ')}` : ''}`,
  );
  if (t.problems.length) r.problems.push(...t.problems);
}
process.exit(r.problems.length ? 1 : 0);
