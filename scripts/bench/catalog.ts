// Catalog benchmark: a generated 300-procedure catalog through the real server and the built app.
// Import time (dry run and real), the whole catalog and a one-procedure delta as the server sends
// them, search per keystroke in Chromium at 4× CPU, the pure search in Node, and the first load.
// `pnpm build` first, then `pnpm bench:catalog`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { buildSearchIndex, CSRF_HEADER, searchCatalog, type Catalog, type CatalogImportResult, type Procedure } from '@hsc/shared';
import type { Page } from 'playwright-core';
import { CitizenApp } from '../e2e/citizen-app.ts';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { generateCatalog } from '../lib/catalog-gen.ts';
import { firstLoad } from '../lib/first-load.ts';
import { startServer, type RunningServer } from '../lib/server.ts';

const SIZE = 300;
const RUNS = 3;
const QUERIES = ['dang ki khai sinh', 'giấy khai sinh', 'hộ khẩu', 'trợ cấp'];
const DELTA_TARGET = 2 * 1024;
const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const outDir = fileURLToPath(new URL('../../.tmp/catalog/', import.meta.url));

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

interface Admin {
  base: string;
  headers: Record<string, string>;
}

async function signInAdmin(base: string): Promise<Admin> {
  const res = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.admin', password: 'demo1234' }) });
  if (res.status !== 200) throw new Error(`admin sign-in: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, [CSRF_HEADER]: csrfToken } };
}

async function adminCall<T>(admin: Admin, method: string, path: string, body?: string): Promise<{ ms: number; answer: T }> {
  const t0 = performance.now();
  const res = await fetch(`${admin.base}${path}`, { method, headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body });
  const answer = (await res.json()) as T;
  const took = performance.now() - t0;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer).slice(0, 500)}`);
  return { ms: took, answer };
}

interface Wire {
  encoding: string;
  /** The body as sent (compressed when the server compressed it). */
  body: Buffer;
  /** Every byte of the answer on the socket: status line, headers and body. */
  wire: number;
}

/** A GET through node:http, which (unlike fetch) neither asks for nor undoes compression. */
function wireGet(url: string, acceptEncoding: string): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { 'accept-encoding': acceptEncoding, connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`));
        resolve({ encoding: String(res.headers['content-encoding'] ?? 'identity'), body: Buffer.concat(chunks), wire: res.socket.bytesRead });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** What Chromium asks for; the delta target is judged on the answer to it. */
const PHONE_ACCEPT = 'gzip, deflate, br, zstd';

function decode(w: Wire): Buffer {
  if (w.encoding === 'identity') return w.body;
  if (w.encoding === 'br') return brotliDecompressSync(w.body);
  if (w.encoding === 'gzip') return gunzipSync(w.body);
  if (w.encoding === 'deflate') return inflateSync(w.body);
  throw new Error(`cannot check a ${w.encoding} answer here`);
}

/** One answer as the server sends it to each Accept-Encoding, and the body compressed here for comparison. */
async function measureAnswer(label: string, url: string) {
  const plain = await wireGet(url, 'identity');
  const line = [`${label}: body ${kb(plain.body.length)} (${plain.body.length} B), ${plain.wire} B on the wire uncompressed`];
  const sent: Record<string, Wire> = {};
  for (const enc of ['gzip', 'br', PHONE_ACCEPT]) {
    const w = (sent[enc] = await wireGet(url, enc));
    if (!decode(w).equals(plain.body)) throw new Error(`${label}: the ${enc} answer differs from the plain one`);
    line.push(`Accept-Encoding "${enc}": sent ${w.encoding}, body ${w.body.length} B, ${w.wire} B on the wire with headers`);
  }
  // node:zlib defaults: gzip level 6, brotli quality 11.
  const gz = gzipSync(plain.body).length;
  const br = brotliCompressSync(plain.body).length;
  line.push(`if compressed: gzip ${gz} B, brotli ${br} B (+ ${plain.wire - plain.body.length} B of headers)`);
  console.log(line.join('\n  '));
  return { plain, phone: sent[PHONE_ACCEPT]!, headers: plain.wire - plain.body.length, gz, br, json: JSON.parse(plain.body.toString('utf8')) as Catalog };
}

/**
 * Per keystroke, in the page: from the key event's timestamp (keydown, or beforeinput for a
 * character typed as text) to the frame painted after
 * - the input shows the new letter (the 'input' event, then the next frame), and
 * - the list shows the results for it: the first DOM change in the screen outside the search
 *   box (the list is keyed by the query, so every keystroke redraws it), then the next frame.
 * "Painted" is a requestAnimationFrame callback and a message posted from it, which runs once
 * that frame has been handed to the compositor. The list follows the deferred query, so it may
 * come a frame or more after the letter.
 */
function instrument(page: Page) {
  return page.evaluate(() => {
    type Sample = { start: number; input?: number; list?: number; first?: string };
    const kt: { armed: boolean; s: Sample | null; done: Sample[] } = { armed: false, s: null, done: [] };
    (window as unknown as { __kt: typeof kt }).__kt = kt;
    const input = document.querySelector('[data-testid="catalog-search"]')!;
    const screen = input.closest('section')!;
    const afterPaint = (cb: (t: number) => void) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => cb(performance.now());
        ch.port2.postMessage(null);
      });
    const begin = (e: Event) => {
      if (kt.armed && !kt.s) kt.s = { start: e.timeStamp };
    };
    document.addEventListener('keydown', begin, true);
    document.addEventListener('beforeinput', begin, true);
    input.addEventListener('input', () => {
      const s = kt.s;
      if (s) afterPaint((t) => (s.input = t - s.start));
    });
    new MutationObserver((records) => {
      const s = kt.s;
      if (!s || !kt.armed || !records.some((r) => r.target !== input)) return;
      kt.armed = false;
      // Which row leads the list at that change: checked against the search in Node afterwards.
      s.first = screen.querySelector('[data-testid^="procedure-"]')?.getAttribute('data-testid')?.slice('procedure-'.length);
      afterPaint((t) => {
        s.list = t - s.start;
        kt.done.push(s);
      });
    }).observe(screen, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

interface Keystroke {
  typed: string;
  input: number;
  list: number;
  first?: string;
}

async function typeQuery(page: Page, query: string): Promise<Keystroke[]> {
  const box = page.getByTestId('catalog-search');
  await box.fill('');
  await page.waitForTimeout(300);
  const out: Keystroke[] = [];
  for (const [i, ch] of [...query].entries()) {
    await page.evaluate(() => {
      const kt = (window as unknown as { __kt: { armed: boolean; s: unknown; done: unknown[] } }).__kt;
      kt.armed = true;
      kt.s = null;
      kt.done.length = 0;
    });
    // Characters off the US layout arrive as text (beforeinput/input, no keydown), as from an IME.
    await page.keyboard.type(ch);
    const s = await page.waitForFunction(() => (window as unknown as { __kt: { done: Omit<Keystroke, 'typed'>[] } }).__kt.done[0], undefined, { timeout: 10_000 });
    const sample = (await s.jsonValue()) as Omit<Keystroke, 'typed'>;
    if (sample.input === undefined) throw new Error(`no input event for "${ch}" in "${query}"`);
    out.push({ typed: [...query].slice(0, i + 1).join(''), ...sample });
    // A person types about three letters a second; the next key waits for the screen to settle.
    await page.waitForTimeout(250);
  }
  if ((await box.inputValue()) !== query) throw new Error(`typed "${await box.inputValue()}" instead of "${query}"`);
  return out;
}

function nodeSearch(procedures: Procedure[]) {
  const builds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    buildSearchIndex(procedures);
    builds.push(performance.now() - t0);
  }
  const index = buildSearchIndex(procedures);
  const time = (q: string) => {
    const xs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      searchCatalog(index, q);
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  for (const q of QUERIES) time(q); // warm-up
  const full = QUERIES.map((q) => ({ q, ms: time(q), hits: searchCatalog(index, q).length, first: searchCatalog(index, q)[0]?.name.vi ?? '-' }));
  const prefixes = QUERIES.flatMap((q) => [...q].map((_, i) => time(q.slice(0, i + 1))));
  return { build: median(builds), full, prefixes };
}

// 1. The catalog file.
mkdirSync(outDir, { recursive: true });
const file = generateCatalog({ size: SIZE, seed: 1 });
const filePath = `${outDir}catalog-${SIZE}.json`;
writeFileSync(filePath, JSON.stringify(file, null, 2));
const body = readFileSync(filePath, 'utf8');
const bodyBytes = Buffer.byteLength(body);
const groups = file.procedures.filter((p) => p.fields.some((f) => f.type === 'group')).length;
const conditions = file.procedures.filter((p) => p.fields.some((f) => f.showIf || f.fields?.some((s) => s.showIf))).length;
console.log(`Catalog benchmark · ${file.procedures.length} procedures (seed 1; ${groups} with a repeating group, ${conditions} with a condition) · ${filePath} ${kb(bodyBytes)}`);

// 2. Import, each real import on a fresh server (the shipped seed only), the last one kept.
const dry: number[] = [];
const real: number[] = [];
let server: RunningServer | undefined;
const stopServer = async () => {
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  server = undefined;
};
try {
  let admin!: Admin;
  for (let run = 0; run < RUNS; run++) {
    await stopServer();
    server = await startServer({ DEMO: '1' });
    admin = await signInAdmin(server.url);
    const d = await adminCall<CatalogImportResult>(admin, 'POST', '/api/admin/catalog/import?dryRun=true', body);
    const r = await adminCall<CatalogImportResult>(admin, 'POST', '/api/admin/catalog/import', body);
    if (d.answer.errors.length || r.answer.added.length !== d.answer.added.length) throw new Error(`import: ${JSON.stringify(r.answer).slice(0, 500)}`);
    dry.push(d.ms);
    real.push(r.ms);
    if (run === 0) console.log(`import plan: ${d.answer.added.length} added, ${d.answer.changed.length} changed, ${d.answer.retired.length} retired, ${d.answer.unchanged} unchanged`);
  }
  const again: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await adminCall<CatalogImportResult>(admin, 'POST', '/api/admin/catalog/import', body);
    if (r.answer.unchanged !== SIZE) throw new Error(`re-import changed something: ${JSON.stringify(r.answer).slice(0, 300)}`);
    again.push(r.ms);
  }
  console.log(
    `import of ${kb(bodyBytes)} (median of ${RUNS}, client wall time on loopback): dry run ${ms(median(dry))} [${dry.map(ms).join(', ')}]; ` +
      `real ${ms(median(real))} [${real.map(ms).join(', ')}]; the same file again (all unchanged) ${ms(median(again))}`,
  );
  const srv = server!;

  // 3. Bytes: the whole catalog, then one changed procedure.
  const full = await measureAnswer(`GET /api/procedures (${SIZE} procedures)`, `${srv.url}/api/procedures`);
  if (full.json.procedures.length !== SIZE) throw new Error(`the catalog has ${full.json.procedures.length} procedures`);
  const bySize = [...full.json.procedures].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  const deltas: (Awaited<ReturnType<typeof measureAnswer>> & { label: string })[] = [];
  for (const [label, p] of [['median-sized', bySize[bySize.length >> 1]!], ['largest', bySize.at(-1)!]] as const) {
    const before = (await wireGet(`${srv.url}/api/procedures`, 'identity')).body;
    const since = (JSON.parse(before.toString()) as Catalog).version;
    // One change an administrator makes every year: the fee's wording.
    const { version: _v, ...def } = p;
    const changed = { ...def, feeExemption: { vi: 'Miễn lệ phí cho người thuộc hộ nghèo, hộ cận nghèo', en: 'No fee for poor and near-poor households' } };
    await adminCall(admin, 'PUT', `/api/admin/procedures/${encodeURIComponent(p.code)}/draft`, JSON.stringify(changed));
    await adminCall(admin, 'POST', `/api/admin/procedures/${encodeURIComponent(p.code)}/publish`);
    const d = await measureAnswer(`GET /api/procedures?since=${since} after ${p.code} changed (${label}, ${JSON.stringify(p).length} B as JSON)`, `${srv.url}/api/procedures?since=${since}`);
    if (!d.json.delta || d.json.procedures.length !== 1 || d.json.procedures[0]!.code !== p.code) throw new Error(`not a one-procedure delta: ${JSON.stringify(d.json).slice(0, 300)}`);
    deltas.push({ label, ...d });
  }
  const met = (n: number) => (n <= DELTA_TARGET ? 'met' : 'MISSED');
  for (const d of deltas) {
    console.log(
      `delta (${d.label}), target ≤ ${DELTA_TARGET} B on the wire: as the phone gets it (${d.phone.encoding}) ${d.phone.wire} B, ${met(d.phone.wire)}; ` +
        `uncompressed ${d.plain.wire} B, ${met(d.plain.wire)}; gzip ${d.gz + d.headers} B, brotli ${d.br + d.headers} B`,
    );
  }
  // Each of the 300 as the one change: its delta made here and compressed as the server does,
  // at the brotli quality that gives the server's own bytes for the two answers above.
  const brotliAt = (b: Buffer, q: number) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: q } }).length;
  const quality = deltas.every((d) => d.phone.encoding === 'br') ? [...Array(12).keys()].find((q) => deltas.every((d) => brotliAt(d.plain.body, q) === d.phone.body.length)) : undefined;
  const d0 = deltas[0]!;
  const onWire = full.json.procedures.map((p) => {
    const body = Buffer.from(JSON.stringify({ version: d0.json.version, procedures: [p], retired: [], delta: true }));
    return quality === undefined ? body.length + d0.headers : brotliAt(body, quality) + d0.phone.wire - d0.phone.body.length;
  });
  console.log(
    `every procedure as the one change (${quality === undefined ? 'uncompressed: no brotli quality reproduces the answers above' : `brotli quality ${quality}, as the server`}): ` +
      `${onWire.filter((n) => n <= DELTA_TARGET).length} of ${SIZE} within ${DELTA_TARGET} B; median ${median(onWire)} B, p95 ${p95(onWire)} B, max ${Math.max(...onWire)} B`,
  );

  // 4. Search in Node, the same function the screen calls.
  const node = nodeSearch(full.json.procedures);
  console.log(`search in Node (CPU ×1, ${SIZE} procedures): index build ${ms(node.build)}; per query (median of 200):`);
  for (const f of node.full) console.log(`  "${f.q}": ${ms(f.ms)}, ${f.hits} found, first "${f.first}"`);
  console.log(`  every prefix typed (${node.prefixes.length} keystrokes): median ${ms(median(node.prefixes))}, p95 ${ms(p95(node.prefixes))}`);

  // 5. Search per keystroke in Chromium at 4× CPU, the catalog synced from this server.
  const browser = await launchChromium();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    // The phone's own fetches of the catalog, as Chromium counts them (headers and encoded body).
    const phoneFetches: Promise<string>[] = [];
    const askedFrom = new Map<object, string>();
    context.on('request', (r) => askedFrom.set(r, new URL(page.url()).pathname));
    context.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname !== '/api/procedures') return;
      phoneFetches.push(
        Promise.all([r.sizes(), r.response()]).then(
          ([sizes, res]) =>
            `${r.url().slice(srv.url.length)} from ${askedFrom.get(r)}: ${res?.status()} ${res?.headers()['content-encoding'] ?? 'identity'}, ${sizes.responseBodySize} B body + ${sizes.responseHeadersSize} B headers`,
        ),
      );
    });
    const firstFetch = context.waitForEvent('requestfinished', { predicate: (r) => new URL(r.url()).pathname === '/api/procedures', timeout: 60_000 });
    const app = new CitizenApp(page, srv.url);
    await app.open();
    // Read without creating: an open() before the app's own would make an empty database.
    // (Polled here: waitForFunction takes a Promise for a truthy answer and returns at once.)
    const stored = (on: Page) =>
      on.evaluate(
        async (n) => {
          if (!(await indexedDB.databases()).some((d) => d.name === 'ho-so-cong')) return false;
          return new Promise<boolean>((resolve) => {
            const open = indexedDB.open('ho-so-cong');
            open.onerror = () => resolve(false);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('procedures')) return db.close(), resolve(false);
              const count = db.transaction('procedures').objectStore('procedures').count();
              count.onsuccess = () => resolve(count.result === n);
              count.onerror = () => resolve(false);
              db.close();
            };
          });
        },
        SIZE,
      );
    const whenStored = async (on: Page) => {
      for (const until = Date.now() + 60_000; !(await stored(on)); ) {
        if (Date.now() > until) throw new Error(`the phone did not store ${SIZE} procedures within 60 s`);
        await on.waitForTimeout(250);
      }
    };
    await whenStored(page);
    // The whole answer, not only the data: Chromium may report the load finished after the app stored it.
    const first = await firstFetch;
    const fcp = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    console.log(`phone: ${SIZE} procedures in IndexedDB; the catalog was asked for ${ms(first.timing().startTime - fcp)} after the first contentful paint`);
    // To the catalog as a person goes, without loading the page again (the next open is below).
    await page.getByTestId('new-dossier').click();
    await page.getByTestId('catalog-all').filter({ hasText: String(SIZE) }).waitFor();
    await page.getByTestId('catalog-search').click();
    await instrument(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const typed: { q: string; samples: Keystroke[] }[] = [];
    try {
      for (const q of QUERIES) typed.push({ q, samples: await typeQuery(page, q) });
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    console.log(`search per keystroke in Chromium ${browser.version()}, CPU ×4, 360×740 phone context (key event → next painted frame):`);
    for (const { q, samples } of typed) {
      console.log(`  "${q}" (${samples.length} keys): letter shown median ${ms(median(samples.map((s) => s.input)))}; list updated median ${ms(median(samples.map((s) => s.list)))}, max ${ms(Math.max(...samples.map((s) => s.list)))}`);
    }
    const all = typed.flatMap((t) => t.samples);
    const index = buildSearchIndex(full.json.procedures);
    const wrong = all.filter((k) => k.first !== searchCatalog(index, k.typed)[0]?.code);
    console.log(`  the list measured was the final one for its query in ${all.length - wrong.length} of ${all.length} keystrokes${wrong.length ? ` (not: ${wrong.map((k) => `"${k.typed}"`).join(', ')})` : ''}`);
    console.log(`  all ${all.length} keystrokes: letter shown median ${ms(median(all.map((s) => s.input)))}, p95 ${ms(p95(all.map((s) => s.input)))}; list updated median ${ms(median(all.map((s) => s.list)))}, p95 ${ms(p95(all.map((s) => s.list)))}`);
    writeFileSync(`${outDir}keystrokes.json`, JSON.stringify(typed, null, 2));

    // The app opened again with nothing changed: it asks what changed since the version it holds.
    await page.reload();
    await page.waitForLoadState('networkidle');
    console.log(`phone's catalog requests (first open, then the next): ${(await Promise.all(phoneFetches)).join('; ')}`);

    // A first visit at 4× CPU, from the start until the phone holds the whole catalog: the main
    // thread's long tasks (over 50 ms), as the browser reports them.
    const fresh = await newPhoneContext(browser);
    const visit = await fresh.newPage();
    await visit.addInitScript(() => {
      const seen: number[] = ((globalThis as { longTasks?: number[] }).longTasks = []);
      new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await (await fresh.newCDPSession(visit)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await new CitizenApp(visit, srv.url).open();
    await whenStored(visit);
    const tasks = (await visit.evaluate(() => (globalThis as { longTasks?: number[] }).longTasks ?? [])).sort((a, b) => b - a);
    console.log(
      `first visit at CPU ×4 until ${SIZE} procedures are stored: ${tasks.length} long tasks, longest ${tasks.slice(0, 5).map(ms).join(', ')}; ` +
        `blocking time (sum over 50 ms) ${ms(tasks.reduce((n, t) => n + Math.max(0, t - 50), 0))}`,
    );
  } finally {
    await browser.close();
  }
} finally {
  await stopServer();
}

// 6. First load: what the phone downloads before the first screen, with no catalog in it.
const load = firstLoad(dist);
const codes = file.procedures.map((p) => p.code);
const carrying = load.files.filter((f) => {
  const text = readFileSync(`${dist}/${f.path}`, 'utf8');
  return codes.some((c) => text.includes(`"${c}"`)) || file.procedures.some((p) => text.includes(p.name.vi));
});
console.log(
  `first load: ${load.files.length} files, raw ${kb(load.bytes)}, gzip ${kb(load.gzip)} (budget 170.0 KB); ` +
    (carrying.length ? `CATALOG DATA FOUND in ${carrying.map((f) => f.path).join(', ')}` : `no procedure code or name of the ${SIZE} in it`),
);
