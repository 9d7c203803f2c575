// What a phone downloads for the first screen: the scripts and stylesheets index.html names,
// the entry script and the chunks it preloads (in the head, or handed to boot.js, which asks
// for them once the page drawn at build time is painted). Everything else loads on demand.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface FirstLoad {
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

export function firstLoad(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const isScript = tag.startsWith('<script');
    const isLoaded = /rel="(modulepreload|stylesheet)"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (url && (isScript || isLoaded) && /\.(js|css)$/.test(url)) refs.add(url.replace(/^\//, ''));
    const later = [/data-entry="([^"]+)"/.exec(tag)?.[1], .../data-preload="([^"]*)"/.exec(tag)?.[1]?.split(' ') ?? []];
    for (const u of later) if (u) refs.add(u.replace(/^\//, ''));
  }
  const files = [...refs].map((path) => {
    const bytes = readFileSync(join(dist, path));
    return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

export interface Precache {
  /** What the service worker stores at install, and its own scripts, with their brotli bytes (what the server sends). */
  files: { path: string; brotli: number }[];
  brotli: number;
}

/** What the app's service worker (sw.js) stores at install, as paths under `dist`. */
export function precached(dist: string): string[] {
  return [...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
}

/** The outbox's service worker (web/src/sync/outbox-worker.ts), installed on the first visit too. */
export const OUTBOX_WORKER = 'sync-worker.js';

/** `entry` and every module it imports statically (what a module worker fetches at install), as paths under `dist`. */
export function staticImports(dist: string, entry: string): string[] {
  const found = new Set<string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    found.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    // Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(relative(dist, join(dist, dirname(path), m[1]!)));
    }
  };
  visit(entry);
  return [...found];
}

/**
 * Everything a phone downloads to work offline after one visit: the precache, the service
 * worker itself and the outbox worker with what it imports.
 */
export function offlineSet(dist: string): Precache {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const workbox = /importScripts\("\.\/(workbox-[\w-]+\.js)"\)|"\.\/(workbox-[\w-]+)"/.exec(sw);
  const paths = new Set(['sw.js', ...precached(dist), ...staticImports(dist, OUTBOX_WORKER)]);
  if (workbox) paths.add(workbox[1] ?? `${workbox[2]}.js`);
  const files = [...paths].map((path) => {
    const bytes = readFileSync(join(dist, path));
    return { path, brotli: brotliCompressSync(bytes).length };
  });
  return { files, brotli: files.reduce((s, f) => s + f.brotli, 0) };
}
