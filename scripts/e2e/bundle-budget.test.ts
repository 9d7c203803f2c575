// The size budgets, asserted on the build output (bytes, not seconds).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstLoad, offlineSet, OUTBOX_WORKER, precached, staticImports } from '../lib/first-load.ts';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const BUDGET_GZIP = 100 * 1024;

describe('first load on 2G', () => {
  it('needs at most 100 KB gzip of JavaScript and CSS for the first screen', () => {
    expect(existsSync(`${dist}/index.html`), 'run `pnpm build` first').toBe(true);
    const load = firstLoad(dist);
    expect(load.files.some((f) => f.path.endsWith('.js'))).toBe(true);
    console.log(`first load: ${load.files.length} files, ${(load.gzip / 1024).toFixed(1)} KB gzip (${(load.bytes / 1024).toFixed(1)} KB raw)`);
    expect(load.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });
  it('ships brotli and gzip copies of the entry script for preCompressed serving', () => {
    const entry = firstLoad(dist).files.find((f) => f.path.endsWith('.js'))!;
    expect(existsSync(`${dist}/${entry.path}.br`)).toBe(true);
    expect(existsSync(`${dist}/${entry.path}.gz`)).toBe(true);
  });

  it('keeps what works offline after one visit within 220 KB on the wire, without the console, the QR decoder or other languages', () => {
    const offline = offlineSet(dist);
    console.log(`offline after one visit: ${offline.files.length} files, ${(offline.brotli / 1024).toFixed(1)} KB brotli`);
    expect(offline.files.some((f) => f.path === 'sw.js')).toBe(true);
    expect(offline.files.filter((f) => /^assets\/(staff|later)\//.test(f.path) || /jsQR/.test(f.path))).toEqual([]);
    expect(offline.brotli).toBeLessThanOrEqual(220 * 1024);
  });

  it('builds the outbox worker from the chunks the app precaches, so it costs a phone only its own file', () => {
    const cached = new Set(precached(dist));
    const modules = staticImports(dist, OUTBOX_WORKER);
    expect(modules.some((p) => /^assets\/db-/.test(p)), 'the worker runs the engine on the app database').toBe(true);
    expect(modules.filter((p) => p !== OUTBOX_WORKER && !cached.has(p))).toEqual([]);
    expect(cached.has(OUTBOX_WORKER), 'a service worker of its own, not a file of the cache').toBe(false);
  });
});
