// Memory while photographing papers: `pnpm bench:memory` (after `pnpm build`). Five 12-MP camera
// photos go one after another through the app's real capture path in Chromium (phone size), as
// the app does it (a worker with OffscreenCanvas) and as an old browser does it (on the page's
// own thread). The page's JS heap is sampled every 50 ms through the DevTools protocol
// (Performance.getMetrics, JSHeapUsedSize); the worker's heap is its own and not counted, so the
// main-thread run is the one that holds every decoded photo in the page. Target: peak < 150 MB.
import type { Browser, Page } from 'playwright-core';
import { CitizenApp } from '../e2e/citizen-app.ts';
import { documentPhoto } from '../e2e/document-photo.ts';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startServer } from '../lib/server.ts';

const PHOTOS = 5;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function peakWhile(page: Page, work: () => Promise<void>): Promise<{ before: number; peak: number; after: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heap();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  return { before, peak, after: await heap() };
}

async function run(browser: Browser, url: string, photo: Buffer, mainThread: boolean) {
  const context = await newPhoneContext(browser);
  if (mainThread) await context.addInitScript('delete globalThis.OffscreenCanvas');
  const page = await context.newPage();
  const app = new CitizenApp(page, url);
  await app.open();
  await app.startDossier('chung thuc chu ky', '2.000884');
  const m = await peakWhile(page, async () => {
    for (let i = 0; i < PHOTOS; i++) await app.attach('document', `IMG_${i}.jpg`, photo, 'image/jpeg');
  });
  await context.close();
  return m;
}

const server = await startServer({ LOG_LEVEL: 'warn' });
const browser = await launchChromium();
try {
  const painterContext = await newPhoneContext(browser);
  const photo = await documentPhoto(await painterContext.newPage(), { width: 4000, height: 3000, seed: 3 });
  await painterContext.close();
  console.log(`${PHOTOS} camera photos of 4000 × 3000 px, ${mb(photo.bytes.length)} each, captured one after another`);
  for (const mainThread of [false, true]) {
    const m = await run(browser, server.url, photo.bytes, mainThread);
    console.log(`${mainThread ? 'page thread (no OffscreenCanvas)' : 'worker (OffscreenCanvas)'.padEnd(32)}: page JS heap before ${mb(m.before)}, peak ${mb(m.peak)}, after ${mb(m.after)} (target: peak < 150 MB)`);
  }
} finally {
  await browser.close();
  await server.stop();
}
