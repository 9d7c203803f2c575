// A phone whose browser stopped updating, in Chromium: before the app loads, every API it uses
// that such browsers lack is taken away — OffscreenCanvas (photos shrink on the main thread), Web
// Locks (the outbox lease in IndexedDB), BarcodeDetector, Web Share, storage.persist,
// createImageBitmap's options (orientation), WebP encoding (canvas gives PNG) — and the whole
// offline dossier loop still runs: a camera photo is shrunk and kept as JPEG, the dossier is
// sent with no network, and the commune's receipt arrives once the network is back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { storedPages } from './device-store.ts';
import { documentPhoto } from './document-photo.ts';
import { makePng } from '../lib/png.ts';

const OLD_BROWSER = `(() => {
  delete globalThis.OffscreenCanvas;
  delete globalThis.BarcodeDetector;
  for (const name of ['locks', 'share', 'canShare']) Object.defineProperty(Navigator.prototype, name, { get: () => undefined, configurable: true });
  if (globalThis.StorageManager) delete StorageManager.prototype.persist;
  const bitmap = globalThis.createImageBitmap;
  globalThis.createImageBitmap = (source, ...rest) => (rest.length ? Promise.reject(new TypeError('options not supported')) : bitmap(source));
  const toBlob = HTMLCanvasElement.prototype.toBlob;
  HTMLCanvasElement.prototype.toBlob = function (callback, type, quality) {
    return toBlob.call(this, callback, type === 'image/webp' ? 'image/png' : type, quality);
  };
  globalThis.__oldBrowser = true;
})();`;

describe('a browser that stopped updating', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: 'warn' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the offline dossier loop without OffscreenCanvas, Web Locks, BarcodeDetector, Web Share, storage.persist, createImageBitmap options or WebP', async () => {
    // A 12-MP camera photo, drawn by a page of today's browser (the drawing uses OffscreenCanvas).
    const painter = await browser.newPage();
    const photo = await documentPhoto(painter, { width: 4000, height: 3000, seed: 5 });
    await painter.close();

    const phone = await newPhoneContext(browser);
    await phone.addInitScript(OLD_BROWSER);
    const page = await phone.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    expect(await page.evaluate('[typeof OffscreenCanvas, typeof navigator.locks, globalThis.__oldBrowser]')).toEqual(['undefined', 'undefined', true]);
    await app.waitUntilOfflineReady();

    await phone.setOffline(true);
    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'IMG_0001.jpg', photo.bytes, 'image/jpeg');
    await app.attach('document', 'giay-uy-quyen.png', makePng(600, 800, 9));
    await app.waitUntilSaved();
    const kept = (await storedPages(page)).find((p) => p.fileName.startsWith('IMG_0001'))!;
    // Shrunk on the main thread; asked for WebP, given PNG, so kept as JPEG.
    expect(kept.mediaType).toBe('image/jpeg');
    expect(kept.bytes.length).toBeLessThan(photo.bytes.length);
    expect(Math.max(kept.width!, kept.height!)).toBeLessThanOrEqual(2000);

    await app.byTestId('send').click();
    await app.byTestId('local-receipt').waitFor();
    await phone.setOffline(false);
    await app.byTestId('commune-receipt').waitFor({ timeout: 60_000 });
    expect(await app.byTestId('receipt-code').textContent()).toMatch(/^H19\.05716-\d{6}-\d{4}$/);
    await phone.close();
  });
});
