// Shrink benchmark (Networks issue): a 12-megapixel camera-like JPEG of a document goes through
// the app's real capture path (file input → shrink worker → SHA-256 → IndexedDB) in Chromium
// with 4× CPU slowdown. Prints input/output bytes, output size in pixels, time per photo, and how
// much of the small print's edge contrast survives; saves the crops side by side for a person
// to look at. `pnpm build` first, then `pnpm bench:shrink`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CitizenApp } from '../e2e/citizen-app.ts';
import { storedPages } from '../e2e/device-store.ts';
import { documentPhoto, type DocumentPhoto } from '../e2e/document-photo.ts';
import { launchChromium, PHONE } from '../lib/browser.ts';
import { startServer } from '../lib/server.ts';

const outDir = fileURLToPath(new URL('../../.tmp/shrink/', import.meta.url));
const RUNS = 3;
const TARGET_BYTES = 400 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Capture {
  ms: number;
  type: string;
  bytes: Buffer;
  width: number;
  height: number;
}

/** tsx keeps function names through a `__name` helper that pages do not have. */
async function phoneContext(browser: Awaited<ReturnType<typeof launchChromium>>, withoutOffscreen = false): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' });
  // An engine without OffscreenCanvas (older WebView): the app shrinks on the main thread.
  if (withoutOffscreen) await context.addInitScript({ content: 'delete globalThis.OffscreenCanvas' });
  return context;
}

async function captureRuns(page: Page, app: CitizenApp, photo: DocumentPhoto, rate: number, tag: string): Promise<Capture[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const runs: Capture[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      await app.attach('document', `IMG_${tag}_${i}.jpg`, photo.bytes, 'image/jpeg');
      // The app's own User Timing entry: from the picked file to the page stored in IndexedDB.
      const ms = await page.evaluate(() => performance.getEntriesByName('hsc:capture').at(-1)!.duration);
      const stored = (await storedPages(page)).find((p) => p.fileName.startsWith(`IMG_${tag}_${i}.`))!;
      runs.push({ ms, type: stored.mediaType, bytes: stored.bytes, width: stored.width!, height: stored.height! });
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  return runs;
}

async function openDraft(context: BrowserContext, url: string): Promise<{ page: Page; app: CitizenApp }> {
  const page = await context.newPage();
  const app = new CitizenApp(page, url);
  await app.open();
  await app.startDossier('chung thuc chu ky', '2.000884');
  return { page, app };
}

interface SizeScore {
  px: number;
  inkBefore: number;
  inkAfter: number;
  /** dB, the shrunk copy against the original resampled to the same size without compression. */
  psnr: number;
}

/**
 * Legibility without OCR, per text size:
 * - ink depth: paper brightness minus the darkest 2 % of the text block, the original at its own
 *   scale against the shrunk copy enlarged back (as a clerk zooming in sees it). Scale-free: thin
 *   strokes that blur into grey lose depth, text that stays crisp keeps it.
 * - fidelity (PSNR of the text block), both images at the shrunk size: the original resampled
 *   there without compression is the best 2000 px can hold; the gap is what the encoder loses.
 * A Laplacian (edge energy) ratio was tried and dropped: JPEG ringing adds edge energy (ratios
 * above 1 at the shrunk size) and enlarging back divides it by the scale for any text size.
 */
async function legibility(page: Page, original: Buffer, shrunk: Buffer, photo: DocumentPhoto): Promise<SizeScore[]> {
  return page.evaluate(
    async ({ a, b, blocks }) => {
      const decode = async (b64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      const [src, out] = await Promise.all([decode(a), decode(b)]);
      type Box = { x: number; y: number; width: number; height: number };
      const k = out.width / src.width;
      /** Grey levels of box `r` (in original coordinates) of `bmp`, drawn `scale` times the original. */
      const grayOf = (bmp: ImageBitmap, r: Box, scale: number) => {
        const from = bmp.width / src.width;
        const w = Math.round(r.width * scale);
        const h = Math.round(r.height * scale);
        const c = new OffscreenCanvas(w, h);
        const g = c.getContext('2d')!;
        g.imageSmoothingQuality = 'high';
        g.drawImage(bmp, r.x * from, r.y * from, r.width * from, r.height * from, 0, 0, w, h);
        const d = g.getImageData(0, 0, w, h).data;
        const gray = new Float32Array(w * h);
        for (let i = 0; i < gray.length; i++) gray[i] = 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;
        return { gray, w, h };
      };
      const psnr = (r: Box) => {
        const ref = grayOf(src, r, k).gray;
        const got = grayOf(out, r, k).gray;
        let se = 0;
        for (let i = 0; i < ref.length; i++) se += (ref[i]! - got[i]!) ** 2;
        return 10 * Math.log10((255 * 255) / (se / ref.length));
      };
      const ink = (bmp: ImageBitmap, r: Box) => {
        const p = Array.from(grayOf(bmp, r, 1).gray).sort((x, y) => x - y);
        const dark = p.slice(0, Math.max(1, Math.floor(p.length * 0.02)));
        return p[Math.floor(p.length * 0.6)]! - dark.reduce((s, v) => s + v, 0) / dark.length;
      };
      return blocks.map((r) => ({ px: r.px, inkBefore: ink(src, r), inkAfter: ink(out, r), psnr: psnr(r) }));
    },
    { a: original.toString('base64'), b: shrunk.toString('base64'), blocks: photo.blocks },
  );
}

/**
 * The same drawing as the app's shrinker, with other encoders, to choose between them; `ms` is
 * the encoding alone (convertToBlob), on the page's main thread so CPU throttling applies.
 */
async function encodeWith(page: Page, original: Buffer, type: string, quality: number): Promise<{ bytes: Buffer; ms: number }> {
  const { b64, ms } = await page.evaluate(
    async ({ a, type, quality }) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(a), (c) => c.charCodeAt(0))]));
      const k = 2000 / Math.max(bmp.width, bmp.height);
      const c = new OffscreenCanvas(Math.round(bmp.width * k), Math.round(bmp.height * k));
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.imageSmoothingQuality = 'high';
      g.drawImage(bmp, 0, 0, c.width, c.height);
      const t0 = performance.now();
      const blob = await c.convertToBlob({ type, quality });
      const ms = performance.now() - t0;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { b64: btoa(bin), ms };
    },
    { a: original.toString('base64'), type, quality },
  );
  return { bytes: Buffer.from(b64, 'base64'), ms };
}

/**
 * Crops of the smaller print, each shown twice its size: the original above, the shrunk copy
 * (enlarged back to the original's scale, as a clerk zooming in sees it) below.
 */
async function sideBySide(page: Page, original: Buffer, shrunk: Buffer, photo: DocumentPhoto, sizes: number[]): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ a, b, blocks }) => {
      const decode = async (s: string) => createImageBitmap(new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))]));
      const [src, out] = await Promise.all([decode(a), decode(b)]);
      const k = out.width / src.width;
      const cropW = 640;
      const zoom = 2;
      const label = 30;
      const height = blocks.reduce((h, r) => h + 2 * (label + r.height * zoom) + 24, 8);
      const c = new OffscreenCanvas(cropW * zoom + 32, height);
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.imageSmoothingQuality = 'high';
      let y = 8;
      for (const r of blocks) {
        for (const [bmp, scale, text] of [
          [src, 1, `${r.px} px text · original ${src.width}×${src.height}, ${atob(a).length >> 10} KB`],
          [out, k, `${r.px} px text · shrunk ${out.width}×${out.height}, ${atob(b).length >> 10} KB, enlarged back ×${(1 / k).toFixed(0)}`],
        ] as const) {
          g.fillStyle = '#a12b2b';
          g.font = '20px sans-serif';
          g.fillText(text, 16, y + 22);
          y += label;
          g.drawImage(bmp, r.x * scale, r.y * scale, cropW * scale, r.height * scale, 16, y, cropW * zoom, r.height * zoom);
          y += r.height * zoom;
        }
        y += 24;
      }
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    },
    { a: original.toString('base64'), b: shrunk.toString('base64'), blocks: photo.blocks.filter((r) => sizes.includes(r.px)) },
  );
  return Buffer.from(b64, 'base64');
}

const server = await startServer();
const browser = await launchChromium();
try {
  mkdirSync(outDir, { recursive: true });
  const context = await phoneContext(browser);
  const { page, app } = await openDraft(context, server.url);
  const photo = await documentPhoto(page, { width: 4000, height: 3000, seed: 11 });
  writeFileSync(`${outDir}input.jpg`, photo.bytes);

  const worker4 = await captureRuns(page, app, photo, 4, 'w4');
  const worker1 = await captureRuns(page, app, photo, 1, 'w1');
  const fallbackContext = await phoneContext(browser, true);
  const fallback = await openDraft(fallbackContext, server.url);
  const main4 = await captureRuns(fallback.page, fallback.app, photo, 4, 'm4');

  const out = worker4.at(-1)!;
  writeFileSync(`${outDir}output.${out.type.slice(6)}`, out.bytes);
  const scores = await legibility(page, photo.bytes, out.bytes, photo);
  writeFileSync(`${outDir}side-by-side.png`, await sideBySide(page, photo.bytes, out.bytes, photo, [8, 10, 12, 16]));

  const encoders: { name: string; bytes: number; ms: number; scores: SizeScore[] }[] = [];
  const cdp = await context.newCDPSession(page);
  for (const [type, q] of [
    ['image/jpeg', 0.75],
    ['image/jpeg', 0.82],
    ['image/jpeg', 0.9],
    ['image/webp', 0.75],
    ['image/webp', 0.8],
    ['image/webp', 0.82],
    ['image/webp', 0.9],
  ] as const) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times: number[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    for (let i = 0; i < RUNS; i++) ({ bytes, ms: times[i] } = await encodeWith(page, photo.bytes, type, q));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const name = `${type.slice(6)} ${q}`;
    encoders.push({ name, bytes: bytes.length, ms: median(times), scores: await legibility(page, photo.bytes, bytes, photo) });
    if (name === 'jpeg 0.82') writeFileSync(`${outDir}side-by-side-jpeg-0.82.png`, await sideBySide(page, photo.bytes, bytes, photo, [8, 10, 12, 16]));
  }

  const version = browser.version();
  const ratio = (s: SizeScore) => `ink depth ${s.inkBefore.toFixed(0)} → ${s.inkAfter.toFixed(0)} grey levels (${(s.inkAfter / s.inkBefore).toFixed(2)}), fidelity ${s.psnr.toFixed(1)} dB`;
  const smallest = scores[0]!;
  console.log(`Shrink benchmark · Chromium ${version} · CPU throttled ×4 (CDP) · ${RUNS} runs each`);
  console.log(`input   ${kb(photo.bytes.length)} JPEG q0.92, ${photo.width}×${photo.height}`);
  console.log(`output  ${kb(out.bytes.length)} ${out.type}, ${out.width}×${out.height} (target ≤ ${kb(TARGET_BYTES)}: ${out.bytes.length <= TARGET_BYTES ? 'met' : 'MISSED'}), ${(photo.bytes.length / out.bytes.length).toFixed(1)}× smaller`);
  console.log(`time    worker ×4: median ${median(worker4.map((r) => r.ms)).toFixed(0)} ms; worker ×1: ${median(worker1.map((r) => r.ms)).toFixed(0)} ms; main-thread fallback ×4: ${median(main4.map((r) => r.ms)).toFixed(0)} ms`);
  console.log(`        (picked file → shrunk → SHA-256 → stored in IndexedDB, the app's own 'hsc:capture' measure)`);
  console.log(`legibility of the smallest text (${smallest.px} px in the photo): ${ratio(smallest)}`);
  console.log('legibility by text size (ink depth: stroke darkness over paper, original vs shrunk enlarged back; fidelity: PSNR vs the uncompressed 2000-px resample):');
  for (const s of scores) console.log(`  ${String(s.px).padStart(2)} px   ${ratio(s)}`);
  console.log('encoders at 2000 px (bytes; encode time ×4 on the main thread; ink ratio / fidelity dB at 8, 12 and 16 px):');
  for (const e of encoders) {
    const at = (px: number) => e.scores.find((s) => s.px === px)!;
    const cell = (px: number) => `${(at(px).inkAfter / at(px).inkBefore).toFixed(2)}/${at(px).psnr.toFixed(1)}`;
    console.log(`  ${e.name.padEnd(10)} ${kb(e.bytes).padStart(7)} ${`${e.ms.toFixed(0)} ms`.padStart(8)}   ${[8, 12, 16].map(cell).join('   ')}`);
  }
  console.log(`crops: ${outDir}side-by-side.png (input.jpg and the output beside it; side-by-side-jpeg-0.82.png for JPEG)`);
  writeFileSync(
    `${outDir}results.json`,
    JSON.stringify({ chromium: version, input: photo.bytes.length, output: out.bytes.length, dims: [out.width, out.height], worker4, worker1, main4, scores, encoders }, (k, v) => (k === 'bytes' && typeof v === 'object' ? undefined : v), 2),
  );
  await fallbackContext.close();
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
