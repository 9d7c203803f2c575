// Prints what the first screen costs a phone: `pnpm bench:size` (after `pnpm build`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { firstLoad, offlineSet } from '../lib/first-load.ts';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const load = firstLoad(dist);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const f of load.files) {
  const br = brotliCompressSync(readFileSync(`${dist}/${f.path}`)).length;
  console.log(`${f.path.padEnd(48)} raw ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}  brotli ${kb(br).padStart(9)}`);
}
console.log(`first load total: raw ${kb(load.bytes)}, gzip ${kb(load.gzip)} (budget 100.0 KB)`);
const offline = offlineSet(dist);
console.log(`offline after one visit (precache and the service worker, brotli on the wire): ${offline.files.length} files, ${kb(offline.brotli)} (target 220.0 KB)`);
