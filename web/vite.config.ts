import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { languageNames, shellHtml, shellWords } from './language-names.ts';
import { prerenderPages, SHELL } from './prerender.ts';

// The staff console's chunks (every chunk holding a module of src/staff/) go to assets/staff/,
// which the service worker does not precache: citizens never download the console.
const STAFF_DIR = 'assets/staff/';
// The console's words (shared/locales/<lang>/staff.json) count as the console's.
const isStaffModule = (id: string) => /\/src\/staff\/|\/shared\/locales\/[^/]+\/staff\.json$/.test(id.replaceAll('\\', '/'));
const isStaffChunk = (moduleIds: readonly string[]) => moduleIds.some(isStaffModule);

// What the phone keeps for later rather than at install (assets/later/, cached on first use):
// the camera QR decoder of /kiem-tra (pasting a receipt's text still verifies offline), the QR
// drawing (fetched as soon as the phone holds a receipt and has a network; until then the
// receipt's code is shown as text) and every language but Vietnamese. Installing then costs a
// 2G phone the citizen's path only.
const LATER_DIR = 'assets/later/';
const isLaterModule = (id: string) => /\/node_modules\/.*(jsqr|qrcode|dijkstrajs)\/|\/shared\/locales\/(?!vi\/)[^/]+\//.test(id.replaceAll('\\', '/'));
const chunkDir = (moduleIds: readonly string[]) => (isStaffChunk(moduleIds) ? STAFF_DIR : moduleIds.length > 0 && moduleIds.every(isLaterModule) ? LATER_DIR : 'assets/');

// The outbox's service worker (src/sync/outbox-worker.ts) is a second entry of the app's own
// build, so it is made of the app's chunks; its file keeps one name (its address carries the
// build's version, see sourcesVersion).
const OUTBOX_WORKER = 'sync-worker';

/**
 * The build's version in the worker's address (src/sync/background.ts): a hash of everything the
 * worker is built from (the app's and shared/'s sources, this config, the locked dependencies), so the same
 * sources give the same address on any machine and any change gives a new one.
 */
function sourcesVersion(): string {
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const add = (path: string) => {
    // By code points, not the machine's locale; no dotfiles (an editor's swap file is no source).
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) add(child);
      else hash.update(relative(root, child).replaceAll('\\', '/')).update('\0').update(readFileSync(child)).update('\0');
    }
  };
  for (const dir of ['web/src', 'shared']) add(join(root, dir));
  for (const file of ['web/vite.config.ts', 'pnpm-lock.yaml']) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 12);
}

const shell = shellWords();

const resolve = {
  // Every `import … from 'zod'` of the app and of shared/ gets zod with jitless set (see the file).
  alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url)) }],
};

// The server serves web/dist and the API on one origin; in `vite dev` the API is proxied.
export default defineConfig({
  plugins: [
    react(),
    languageNames(),
    shellHtml(),
    prerenderPages(resolve),
    VitePWA({
      // A person with an unsent dossier decides when the app reloads: updates are offered, never forced.
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      devOptions: { enabled: false },
      manifest: {
        // The default language's words (shared/locales/vi/shell.json).
        name: shell.name,
        short_name: shell.shortName,
        description: shell.description,
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1b5e7a',
        background_color: '#f6f5f0',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Icons and the manifest are added by the plugin; globbing them again lists them twice.
        globPatterns: ['**/*.{js,css,html}'],
        // The outbox worker is a service worker of its own, never a file of this one's cache.
        globIgnores: [`${STAFF_DIR}**`, `${LATER_DIR}**`, `${OUTBOX_WORKER}.js`],
        // The install icons are fetched by the browser when it installs; the app never draws them.
        // (Kept out of the precache with includeManifestIcons below.)
        // A staff device keeps the console chunks it has loaded (hashed names: never stale), so
        // a desk PC whose connection drops keeps working.
        runtimeCaching: [
          {
            // A literal: Workbox copies this into sw.js, where STAFF_DIR does not exist.
            urlPattern: /\/assets\/staff\//,
            handler: 'CacheFirst',
            options: { cacheName: 'staff-console', expiration: { maxEntries: 80 } },
          },
          {
            // The same for what a citizen's phone keeps on first use (LATER_DIR, a literal here too).
            urlPattern: /\/assets\/later\//,
            handler: 'CacheFirst',
            options: { cacheName: 'later', expiration: { maxEntries: 40 } },
          },
        ],
        // `/` and `/catalog` are found in the precache by name (index.html, catalog.html, drawn
        // at build time); every other page path gets the plain shell (prerender.ts).
        navigateFallback: SHELL,
        // /tra-cuu is the server's own page (no app needed): never answered with the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/tra-cuu/],
        // Push and notificationclick handlers: a small static file (public/push-sw.js).
        importScripts: ['push-sw.js'],
        // The first page is controlled as soon as the worker is active, so it works offline
        // without a reload. Waiting updates still wait for the person (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve,
  define: { __OUTBOX_WORKER_VERSION__: JSON.stringify(sourcesVersion()) },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    // Phones whose browser stopped updating: Chrome 80 (Android 5-9 WebView of 2020) and Safari 14
    // (iOS 14). A test parses every output chunk at that language level (ES2020).
    target: ['chrome80', 'safari14'],
    sourcemap: false,
    // No modulepreload links from the build: its helper adds one <link> per chunk of every lazy
    // import, which costed a slow phone ~140 ms of blocked main thread at start (the screens are
    // preloaded in idle time and precached, so nothing waits for them). The pages' own chunks
    // are named by prerender.ts.
    modulePreload: false,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        [OUTBOX_WORKER]: fileURLToPath(new URL('./src/sync/outbox-worker.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === OUTBOX_WORKER ? `${OUTBOX_WORKER}.js` : 'assets/[name]-[hash].js'),
        chunkFileNames: (chunk) => `${chunkDir(chunk.moduleIds)}[name]-[hash].js`,
      },
    },
  },
});
