// The purge's SQL on each store: pages of a dossier never sent go after 24 h, a dossier withdrawn
// before acceptance after the configured days (with its pages, timeline and forms), while sent
// dossiers and an accepted-then-withdrawn one stay. The database may hold other tests' rows, so
// this looks at its own dossiers only.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { login, movableClock, sendDossier, VO_NHAI, type SentDossier } from '../support/desk.ts';
import { injectUpload, newDossier, putDossier } from '../support/fixtures.ts';
import { tempDir, type StoreHarness } from '../support/stores.ts';
import { TEST_KEK } from '../support/keys.ts';

const DAY = 86_400_000;

export function describePurgeContract(harness: () => StoreHarness) {
  const dirs: string[] = [];
  const open: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of open) await a.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('Purge contract', () => {
    test('unsent pages after 24 h, withdrawn-before-acceptance dossiers after N days, never an accepted one', async () => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      // Other tests' old rows may be swept along too: this runs after them and checks its own only.
      const clock = movableClock(new Date());
      const start = clock.now().getTime();
      const app = await buildApp({ dataDir, webRoot: null, demo: true, now: clock.now, keyEncryptionKey: TEST_KEK, store: harness().open(), retention: { uploadHours: 24, withdrawnDays: 30, recordYears: 10 } });
      open.push(app);
      const status = (d: SentDossier) => app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } });
      const withdraw = (d: SentDossier) => app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/withdraw`, headers: { 'x-dossier-secret': d.secret } });

      const kept = await sendDossier(app, VO_NHAI);
      const early = await sendDossier(app, VO_NHAI);
      const accepted = await sendDossier(app, VO_NHAI);
      const officer = await login(app, 'demo.officer');
      expect((await officer.act(accepted.id, { action: 'accept' })).statusCode).toBe(200);
      expect((await withdraw(early)).statusCode).toBe(200);
      expect((await withdraw(accepted)).statusCode).toBe(200);
      const unsent = newDossier();
      for (const f of unsent.files) expect(await injectUpload(app, unsent.id, f)).toBe(201);

      clock.set(new Date(start + 25 * 3_600_000));
      expect((await app.purge.run()).attachments).toBeGreaterThanOrEqual(2);
      const late = await putDossier(app, unsent.id, unsent.body, unsent.secret);
      expect(late.statusCode, late.body).toBe(422);

      clock.set(new Date(start + 31 * DAY));
      expect((await app.purge.run()).dossiers).toBeGreaterThanOrEqual(1);
      expect((await status(early)).statusCode).toBe(404);
      expect((await status(kept)).statusCode).toBe(200);
      expect((await status(accepted)).statusCode).toBe(200);
      // The same code must not be reused: the sequence is not rolled back by a purge.
      const next = await sendDossier(app, VO_NHAI);
      expect([kept, early, accepted].map((d) => d.receipt.code)).not.toContain(next.receipt.code);
    });
  });
}
