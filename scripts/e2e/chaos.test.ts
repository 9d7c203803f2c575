// Chaos sync at CI size: the app's own outbox engine, headless, sends dossiers to the real server
// through a proxy that breaks 30 % of connections (resets, cuts mid-request and mid-response,
// delays). The full benchmark (N = 200) is `pnpm bench:chaos`; see BENCHMARKS.md.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/chaos.ts';

describe('chaos sync', () => {
  it('delivers every dossier exactly once and byte for byte through a network that breaks 30 % of connections', async () => {
    // timeScale shortens the tus uploader's real 1 s / 3 s retry waits, as the compressed clock
    // shortens the engine's backoff; the seed fixes which connections fail and how.
    const r = await runChaos({ n: 20, faultRate: 0.3, seed: 7, timeScale: 0.1, timeoutMs: 50_000 });

    expect(r.problems).toEqual([]);
    expect(r.settled).toBe(true);
    expect(r.serverDossiers).toBe(20);
    expect(r.attention).toEqual([]);
    // The faults did happen, of every kind, and requests failed: a calm run would prove nothing.
    for (const fault of ['reset', 'cut-request', 'cut-response', 'delay'] as const) expect(r.faults[fault]).toBeGreaterThan(0);
    expect(r.failedRequests).toBeGreaterThan(0);
    expect(r.retries).toBeGreaterThan(0);
  }, 90_000);
});
