// Crash at CI size: the server is SIGKILLed in the middle of uploads and submissions and started
// again on the same data directory; after each kill its database and files are checked as the
// kill left them. The full benchmark (and the PostgreSQL run) is `pnpm bench:crash`.
import { describe, expect, it } from 'vitest';
import { runCrash } from '../chaos/crash.ts';

describe('a server killed mid-send', () => {
  it('never shows half-written dossiers as received, and the phone still delivers everything once', async () => {
    const r = await runCrash({ n: 16, kills: 4, seed: 5, timeScale: 0.1, timeoutMs: 50_000 });

    expect(r.problems).toEqual([]);
    expect(r.store).toBe('SQLite');
    expect(r.kills.map((k) => k.during)).toEqual(['upload (PATCH)', 'submission (PUT)', 'upload (PATCH)', 'submission (PUT)']);
    expect(r.serverDossiers).toBe(16);
    expect(r.settled).toBe(true);
    expect(r.failedRequests).toBeGreaterThan(0);
  }, 120_000);
});
