// The deployment a province runs, at CI size: three API nodes (each with its own empty data
// directory) on one PostgreSQL database behind HAProxy, the fault proxy in front, one node
// SIGKILLed mid-run and started again. The full benchmark (N = 200, and 1 node against 3) is
// `pnpm bench:cluster`; see BENCHMARKS.md.
import { describe, expect, it } from 'vitest';
import { runCluster } from '../chaos/cluster.ts';

describe('three nodes behind HAProxy, one killed', () => {
  it('delivers every dossier once, every page through every node, one key set, no 5xx but from the killed node', async () => {
    const r = await runCluster({ nodes: 3, n: 12, faultRate: 0.2, seed: 11, timeScale: 0.1, timeoutMs: 90_000, killAfterRequests: 25 });

    expect(r.problems).toEqual([]);
    expect(r.settled).toBe(true);
    expect(r.killed).toBe('n3');
    // Every node answered some of the traffic, and the balancer saw the same key everywhere.
    for (const node of ['n1', 'n2', 'n3']) expect(r.byNode[node]).toBeGreaterThan(0);
    expect(new Set(r.kids.map((k) => k.join()))).toHaveProperty('size', 1);
    expect(r.pagesCheckedPerNode).toBe(r.attachments);
    expect(r.failedRequests).toBeGreaterThan(0);
  }, 180_000);
});
