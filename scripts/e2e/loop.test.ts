// The dossier loop, end to end, in Chromium against the built app served by the real server:
// online once, then offline: fill a dossier with two photos, reload and find it intact, send it;
// back online, the commune's receipt appears with no click, and the server holds the photos
// byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../lib/files.ts';
import { launchChromium, PHONE } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';

describe('the dossier loop in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps an offline dossier through a reload, sends it by itself and gets the receipt', async () => {
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    const idCard = makePng(640, 400, 1);
    const letter = makePng(600, 800, 2);

    await app.open();
    await app.waitUntilOfflineReady();
    // The catalog is on the phone once the home screen has loaded it.
    await app.byTestId('new-dossier').click();
    await app.byTestId('catalog-all').waitFor();

    await context.setOffline(true);
    await app.open();
    await expect.poll(() => app.byTestId('net-status').getAttribute('data-online')).toBe('false');

    // Search ignores tones: "chung thuc chu ky" finds "Chứng thực chữ ký".
    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'can-cuoc.png', idCard);
    await app.attach('document', 'giay-uy-quyen.png', letter);
    await app.waitUntilSaved();

    await page.reload();
    expect(await app.value('applicant.fullName')).toBe('Hoàng Thị Lan');
    expect(await app.value('unitCode')).toBe('05716');
    expect(await app.value('fields.documentName')).toBe('Giấy ủy quyền');
    expect(await app.byTestId('page-idCard').count()).toBe(1);
    expect(await app.byTestId('page-document').count()).toBe(1);

    await app.byTestId('send').click();
    await app.byTestId('local-receipt').waitFor();
    expect(await app.byTestId('local-ref').textContent()).toMatch(/\S{4,}/);

    await context.setOffline(false);
    const receipt = app.byTestId('commune-receipt');
    await receipt.waitFor({ timeout: 60_000 });
    const code = (await app.byTestId('receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^H19\.05716-\d{6}-0001$/);
    expect((await app.byTestId('receipt-lookup').textContent())?.trim()).toMatch(/^[0-9A-Z]{4}$/);
    expect(await app.byTestId('receipt-doc').count()).toBe(2);
    await page.screenshot({ path: join(server.dataDir, 'receipt.png'), fullPage: true });

    const stored = filesUnder(join(server.dataDir, 'files'));
    const bytesOf = (b: Buffer) => stored.find((p) => readFileSync(p).equals(b));
    expect(bytesOf(idCard), 'ID card photo stored byte-identical').toBeDefined();
    expect(bytesOf(letter), 'document photo stored byte-identical').toBeDefined();

    // The server's own record answers to the code and lookup code the phone shows.
    const lookup = (await app.byTestId('receipt-lookup').textContent())!.trim();
    const track = await fetch(`${server.url}/api/track/${code}?lookup=${lookup}`).then((r) => r.json());
    expect(track.code).toBe(code);
    expect(track.status).toBe('registered');
  });
});
