// Shrinking at capture, in Chromium against the built app and the real server: a 12-megapixel
// camera photo is stored at most 2000 px on its long side, turned upright from its EXIF
// orientation, a fraction of its bytes; the commune receives exactly the stored bytes. Then the
// dossier travels in a file to a fresh browser and arrives intact.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../lib/files.ts';
import { launchChromium, PHONE } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { storedPages } from './device-store.ts';
import { documentPhoto, withExifOrientation } from './document-photo.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('photos in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let exported: Buffer;
  let sent: { localRef: string; code: string; shas: string[] };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('are shrunk on the phone, upright, and the commune receives exactly the stored bytes', async () => {
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const app = new CitizenApp(page, server.url);
    await app.open();
    // Taken upright: landscape pixels with EXIF "rotate 90°", as phone cameras write them.
    const upright = await documentPhoto(page, { width: 4000, height: 3000, seed: 7 });
    const portrait = withExifOrientation(upright.bytes, 6);
    const landscape = (await documentPhoto(page, { width: 4000, height: 3000, seed: 8 })).bytes;

    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'IMG_0001.jpg', portrait, 'image/jpeg');
    await app.attach('document', 'IMG_0002.jpg', landscape, 'image/jpeg');
    await app.waitUntilSaved();

    const pages = await storedPages(page);
    const idCard = pages.find((p) => p.slot === 'idCard')!;
    const letter = pages.find((p) => p.slot === 'document')!;
    expect([idCard.width, idCard.height]).toEqual([1500, 2000]);
    expect([letter.width, letter.height]).toEqual([2000, 1500]);
    for (const [stored, original] of [
      [idCard, portrait],
      [letter, landscape],
    ] as const) {
      expect(stored).toMatchObject({ mediaType: 'image/webp', shrunk: true, originalSize: original.length, size: stored.bytes.length });
      expect(stored.bytes.length).toBeLessThan(original.length / 4);
      expect(stored.bytes.length).toBeLessThanOrEqual(400 * 1024);
      expect(stored.sha256).toBe(sha(stored.bytes));
    }
    expect(idCard.fileName).toBe('IMG_0001.webp');
    // Off the main thread: the shrink worker did the pixel work.
    expect(workers.some((url) => /shrink\.worker-[\w-]+\.js$/.test(url))).toBe(true);

    await app.byTestId('send').click();
    const receipt = app.byTestId('commune-receipt');
    await receipt.waitFor({ timeout: 60_000 });
    const onServer = filesUnder(join(server.dataDir, 'files')).map((p) => sha(readFileSync(p)));
    expect(onServer).toEqual(expect.arrayContaining([idCard.sha256, letter.sha256]));
    expect(onServer).not.toContain(sha(portrait));
    expect(onServer).not.toContain(sha(landscape));

    sent = { localRef: (await app.byTestId('local-ref').textContent())!.trim(), code: (await app.byTestId('receipt-code').textContent())!.trim(), shas: [idCard.sha256, letter.sha256] };
    const [download] = await Promise.all([page.waitForEvent('download'), app.byTestId('export-dossier').click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-${sent.localRef}.hosocong.json`);
    exported = readFileSync(await download.path());
    await app.byTestId('export-done').waitFor();
    await page.close();
  });

  it('that cannot be decoded are refused with a plain message, and nothing is stored', async () => {
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.startDossier('chung thuc chu ky', '2.000884');
    const before = (await storedPages(page)).length;
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x37)]);
    await app.byTestId('attach-idCard').setInputFiles({ name: 'hong.jpg', mimeType: 'image/jpeg', buffer: garbage });
    const problem = app.byTestId('problem-idCard');
    await problem.waitFor();
    expect(await problem.getAttribute('data-reason')).toBe('unreadable');
    expect(await problem.textContent()).toContain('Không mở được ảnh “hong.jpg”');
    expect(await app.byTestId('page-idCard').count()).toBe(0);
    expect((await storedPages(page)).length).toBe(before);
    await page.close();
  });

  it('travel in a dossier file to a fresh browser and arrive intact', async () => {
    expect(exported, 'the first test exports the dossier').toBeDefined();
    const fresh = await browser.newContext(PHONE);
    try {
      const page = await fresh.newPage();
      const app = new CitizenApp(page, server.url);
      await app.open();
      await app.byTestId('import-file').setInputFiles({ name: `ho-so-${sent.localRef}.hosocong.json`, mimeType: 'application/json', buffer: exported });
      await app.byTestId('commune-receipt').waitFor();
      expect(await app.byTestId('dossier-state').getAttribute('data-state')).toBe('received');
      expect((await app.byTestId('receipt-code').textContent())?.trim()).toBe(sent.code);
      const pages = await storedPages(page);
      expect(pages.map((p) => sha(p.bytes)).sort()).toEqual([...sent.shas].sort());
      expect(pages.every((p) => p.shrunk)).toBe(true);

      // The same file again is refused: one dossier, not two.
      await app.open();
      await app.byTestId('import-file').setInputFiles({ name: 'again.hosocong.json', mimeType: 'application/json', buffer: exported });
      await expect.poll(() => app.byTestId('import-problem').getAttribute('data-reason')).toBe('exists');
      expect(await app.byTestId('dossier-item').count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
