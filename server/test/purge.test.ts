// The purge, with the clock moved forward: unfinished upload parts and pages of dossiers never
// sent go after 24 h, a dossier withdrawn before acceptance after the configured days; sent
// dossiers and a dossier the commune accepted stay whatever the time.
import { existsSync, readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { filesDir } from '../src/blobs/file-blob-store.ts';
import { loadConfig } from '../src/config.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, movableClock, sendDossier, VO_NHAI, type SentDossier } from './support/desk.ts';
import { injectUpload, newDossier, putDossier, testFile, uploadMetadata } from './support/fixtures.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 3_600_000;

function storedFiles(dataDir: string): string[] {
  const root = filesDir(dataDir);
  return readdirSync(root).flatMap((d) => readdirSync(join(root, d)));
}

describe('purge', () => {
  test('upload parts and unsent pages after 24 h, withdrawn-before-acceptance dossiers after N days, nothing else', async () => {
    // tus dates its parts by the wall clock, so the test clock starts there.
    const clock = movableClock(new Date());
    const start = clock.now().getTime();
    t = await testApp({ demo: true, now: clock.now, retention: { uploadHours: 24, withdrawnDays: 30, recordYears: 10 } });
    const { app } = t;
    const status = (d: SentDossier) => app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } });
    const withdraw = (d: SentDossier) => app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/withdraw`, headers: { 'x-dossier-secret': d.secret } });

    const kept = await sendDossier(app, VO_NHAI);
    const withdrawnEarly = await sendDossier(app, VO_NHAI);
    const acceptedThenWithdrawn = await sendDossier(app, VO_NHAI);
    const officer = await login(app, 'demo.officer');
    expect((await officer.act(acceptedThenWithdrawn.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await withdraw(withdrawnEarly)).statusCode).toBe(200);
    expect((await withdraw(acceptedThenWithdrawn)).statusCode).toBe(200);

    // Pages of a dossier that was never sent, and an upload that stopped half-way.
    const unsent = newDossier();
    for (const f of unsent.files) expect(await injectUpload(app, unsent.id, f)).toBe(201);
    const part = testFile('idCard');
    const begun = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(part.bytes.length), 'upload-metadata': uploadMetadata(randomUUID(), part.ref) },
    });
    expect(begun.statusCode).toBe(201);
    expect(begun.headers['upload-expires']).toBeTruthy(); // tus expiration is announced
    const partUrl = `/api/uploads/${String(begun.headers.location).split('/').pop()}`;
    const filesBefore = storedFiles(t.dataDir).length;
    expect(filesBefore).toBe(8);

    clock.set(new Date(start + 23 * HOUR));
    expect(await app.purge.run()).toEqual({ uploadParts: 0, attachments: 0, dossiers: 0 });

    clock.set(new Date(start + 25 * HOUR));
    expect(await app.purge.run()).toEqual({ uploadParts: 1, attachments: 2, dossiers: 0 });
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
    expect(storedFiles(t.dataDir)).toHaveLength(6);
    const head = await app.inject({ method: 'HEAD', url: partUrl, headers: { 'tus-resumable': '1.0.0' } });
    expect(head.statusCode).toBe(404);
    // The phone sends the dossier later after all: the server names the pages to upload again.
    const late = await putDossier(app, unsent.id, unsent.body, unsent.secret);
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('missing');
    for (const f of unsent.files) expect(await injectUpload(app, unsent.id, f)).toBe(201);
    expect((await putDossier(app, unsent.id, unsent.body, unsent.secret)).statusCode).toBe(201);

    clock.set(new Date(start + 29 * 24 * HOUR));
    expect((await app.purge.run()).dossiers).toBe(0);

    clock.set(new Date(start + 31 * 24 * HOUR));
    expect(await app.purge.run()).toEqual({ uploadParts: 0, attachments: 0, dossiers: 1 });
    expect((await status(withdrawnEarly)).statusCode).toBe(404);
    for (const f of withdrawnEarly.files) expect(storedFiles(t.dataDir).some((n) => n.startsWith(f.ref.id))).toBe(false);
    expect((await status(kept)).statusCode).toBe(200);
    expect((await status(acceptedThenWithdrawn)).statusCode).toBe(200);
    expect(storedFiles(t.dataDir)).toHaveLength(6); // kept, acceptedThenWithdrawn, the late one
    expect(existsSync(t.dataDir)).toBe(true);

    // Ten years on, the accepted dossier is still there: the server never purges a legal record.
    clock.set(new Date(start + 3700 * 24 * HOUR));
    expect((await app.purge.run()).dossiers).toBe(0);
    expect((await status(acceptedThenWithdrawn)).statusCode).toBe(200);
  });

  test('the periods come from the environment, with the defaults the notice states', () => {
    expect(loadConfig({}).retention).toEqual({ uploadHours: 24, withdrawnDays: 30, recordYears: 10 });
    expect(loadConfig({ PURGE_WITHDRAWN_DAYS: '7', RECORD_RETENTION_YEARS: '20' }).retention).toMatchObject({ withdrawnDays: 7, recordYears: 20 });
    expect(() => loadConfig({ PURGE_WITHDRAWN_DAYS: 'soon' })).toThrow(/PURGE_WITHDRAWN_DAYS/);
  });
});
