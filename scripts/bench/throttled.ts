// Throttled sync: a dossier with three photos sent from Chromium over emulated 2G and 3G with
// the connection cut every 20 s, through the app's own outbox (shrunk photos, resumable tus).
// Then the naive baseline: the unshrunk originals sent in one request each, restarting from
// zero after every cut. `pnpm bench:throttled [baselineLimitSeconds]`
import type { Page } from 'playwright-core';
import { CitizenApp } from '../e2e/citizen-app.ts';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startSlowLink, type LinkProfile } from '../lib/slow-link.ts';
import { documentPhoto } from '../e2e/document-photo.ts';
import { startServer } from '../lib/server.ts';

const PROFILES: Record<string, LinkProfile> = {
  '2G': { downKbit: 250, upKbit: 50, latencyMs: 300 },
  '3G': { downKbit: 750, upKbit: 250, latencyMs: 100 },
};
const CUT_EVERY_MS = 20_000;
const baselineLimitMs = Number(process.argv[2] ?? 240) * 1000;

/** Sizes of the pages as stored on the phone (what the outbox must deliver). */
const storedPageBytes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('ho-so-cong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('attachments').objectStore('attachments').getAll();
          all.onsuccess = () => resolve((all.result as { size: number }[]).map((a) => a.size));
        };
      }),
  );

/** What a portal without resume does: one POST per file, from byte 0 again after every failure. */
const naiveUpload = (page: Page, files: string[], limitMs: number) =>
  page.evaluate(
    async ({ files, limitMs }) => {
      const start = performance.now();
      let attempts = 0;
      let done = 0;
      for (const b64 of files) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
        const meta = { dossierId: crypto.randomUUID(), attachmentId: crypto.randomUUID(), sha256: sha, filename: 'photo.jpg', filetype: 'image/jpeg' };
        const header = Object.entries(meta).map(([k, v]) => `${k} ${btoa(v)}`).join(',');
        for (;;) {
          if (performance.now() - start > limitMs) return { done, attempts, ms: performance.now() - start, finished: false };
          attempts++;
          const ok = await fetch('/api/uploads', {
            method: 'POST',
            headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes.length), 'Upload-Metadata': header, 'Content-Type': 'application/offset+octet-stream' },
            body: bytes,
          }).then((r) => r.ok, () => false);
          if (ok) break;
          await new Promise((r) => setTimeout(r, 1000));
        }
        done++;
      }
      return { done, attempts, ms: performance.now() - start, finished: true };
    },
    { files, limitMs },
  );

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function run(name: string) {
  const profile = PROFILES[name]!;
  const server = await startServer();
  const link = await startSlowLink({ host: '127.0.0.1', port: Number(new URL(server.url).port) }, profile);
  const browser = await launchChromium();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const app = new CitizenApp(page, `http://127.0.0.1:${link.port}`);
    await app.open();
    await app.waitUntilOfflineReady();
    await app.byTestId('new-dossier').click();
    await app.findProcedure('chung thuc chu ky', '2.000884');
    const photos = await Promise.all([1, 2, 3].map(async (seed) => (await documentPhoto(page, { width: 4000, height: 3000, seed })).bytes));

    await context.setOffline(true);
    await app.open();
    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'anh-1.jpg', photos[0]!, 'image/jpeg');
    await app.attach('document', 'anh-2.jpg', photos[1]!, 'image/jpeg');
    await app.attach('document', 'anh-3.jpg', photos[2]!, 'image/jpeg');
    await app.waitUntilSaved();
    const payload = (await storedPageBytes(page)).reduce((a, b) => a + b, 0);
    await app.byTestId('send').click();
    await app.byTestId('local-receipt').waitFor();

    link.bytes.up = 0;
    const t0 = Date.now();
    const cutter = setInterval(() => link.cutAll(), CUT_EVERY_MS);
    await context.setOffline(false);
    await app.byTestId('commune-receipt').waitFor({ timeout: 30 * 60_000 });
    const ms = Date.now() - t0;
    const sent = link.bytes.up;
    const ideal = (payload * 8) / (profile.upKbit * 1000);
    const originals = photos.reduce((a, p) => a + p.length, 0);
    console.log(
      `${name} app:      originals ${kb(originals)} → stored ${kb(payload)}; sent ${kb(sent)} in ${(ms / 1000).toFixed(1)} s; ` +
        `bytes sent ÷ payload ${(sent / payload).toFixed(3)}; time ÷ (payload ÷ uplink) ${(ms / 1000 / ideal).toFixed(2)}`,
    );

    link.bytes.up = 0;
    const naive = await naiveUpload(page, photos.map((p) => p.toString('base64')), baselineLimitMs);
    clearInterval(cutter);
    const idealNaive = (originals * 8) / (profile.upKbit * 1000);
    console.log(
      `${name} baseline: originals ${kb(originals)}, no resume; ${naive.finished ? 'finished' : `NOT finished after ${(naive.ms / 1000).toFixed(0)} s`} ` +
        `(${naive.done}/3 files, ${naive.attempts} attempts); sent ${kb(link.bytes.up)}; bytes sent ÷ payload ${(link.bytes.up / originals).toFixed(3)}` +
        (naive.finished ? `; time ÷ (payload ÷ uplink) ${(naive.ms / 1000 / idealNaive).toFixed(2)}` : `; ideal time ${idealNaive.toFixed(0)} s`),
    );
  } finally {
    await browser.close();
    await link.close();
    await server.stop();
  }
}

for (const name of process.env.PROFILES?.split(',') ?? Object.keys(PROFILES)) await run(name);
