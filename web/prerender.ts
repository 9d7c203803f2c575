// The first screens as HTML, drawn at build time by React's server renderer (src/prerender.tsx):
// - index.html: the home screen, with its words, the big button and the header;
// - catalog.html: the catalog's heading and search box (the list comes from the phone's database);
// - shell.html: the page every other path gets (a deep link, the staff console), as before.
// The server answers `/` and `/catalog` with theirs and every other page path with shell.html;
// the service worker does the same offline (its precache finds `/` and `/catalog` by name).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type Rolldown, type UserConfig } from 'vite';
import { languageNames } from './language-names.ts';

/** Output file → the path whose screen it holds. */
export const PRERENDERED = { 'index.html': '/', 'catalog.html': '/catalog' } as const;
export const SHELL = 'shell.html';

const ROOT = /<div id="root">[\s\S]*?<\/div>(?=\s*<noscript>)/;
const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;

/** boot.js is written for people; every phone downloads it, so its whole-line comments stay home. */
const withoutComments = (js: string) => js.replace(/^\s*\/\/.*\n/gm, '');

/** Every chunk `name` needs before it runs (its static imports, and theirs). */
function staticDeps(bundle: Rolldown.OutputBundle, name: string, seen = new Set<string>()): Set<string> {
  const chunk = bundle[name];
  for (const dep of chunk?.type === 'chunk' ? chunk.imports : []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    staticDeps(bundle, dep, seen);
  }
  return seen;
}

/**
 * The scripts of a page. A drawn page asks for them only once it is painted: boot.js (hashed,
 * in assets/) adds the entry and its chunks after the first paint, so the stylesheet has a slow
 * link to itself. The shell asks for them at once, the chunks as modulepreload links (the
 * build writes none itself: build.modulePreload is off, see vite.config.ts).
 */
function withScripts(html: string, deps: string[], boot: string | null): string {
  const entry = ENTRY.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module entry');
  const tags = boot
    ? [`<script defer src="/${boot}" data-entry="${entry}" data-preload="${deps.map((d) => `/${d}`).join(' ')}"></script>`]
    : [`<script type="module" crossorigin src="${entry}"></script>`, ...deps.map((d) => `<link rel="modulepreload" crossorigin href="/${d}">`)];
  return html.replace(ENTRY, '').replace('</head>', `${tags.map((t) => `  ${t}\n`).join('')}  </head>`);
}

export function prerenderPages(resolve: UserConfig['resolve']): Plugin {
  let pages: Record<string, string> = {};
  return {
    name: 'hsc-prerender',
    apply: 'build',
    enforce: 'post',
    async buildStart() {
      const outDir = fileURLToPath(new URL('./node_modules/.prerender/', import.meta.url));
      await build({
        configFile: false,
        root: fileURLToPath(new URL('.', import.meta.url)),
        logLevel: 'warn',
        plugins: [react(), languageNames()],
        resolve,
        build: { ssr: 'src/prerender.tsx', outDir, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'prerender.js' } } },
      });
      const { renderPage } = (await import(`${pathToFileURL(`${outDir}prerender.js`).href}?${Date.now()}`)) as { renderPage: (path: string) => Promise<string> };
      pages = {};
      for (const [file, path] of Object.entries(PRERENDERED)) pages[file] = await renderPage(path);
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') this.error('index.html is not in the bundle');
      const shell = String(index.source);
      if (!ROOT.test(shell)) this.error('index.html has no <div id="root"> before <noscript>');
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith('/index.html'));
      if (!entry) this.error('no entry chunk for index.html');
      const deps = [...staticDeps(bundle, entry.fileName)];
      const boot = this.getFileName(this.emitFile({ type: 'asset', name: 'boot.js', source: withoutComments(readFileSync(new URL('./boot.js', import.meta.url), 'utf8')) }));
      for (const [file, path] of Object.entries(PRERENDERED)) {
        const html = withScripts(shell, deps, boot).replace(ROOT, () => `<div id="root" data-prerendered="${path}">${pages[file]}</div>`);
        if (file === 'index.html') index.source = html;
        else this.emitFile({ type: 'asset', fileName: file, source: html });
      }
      this.emitFile({ type: 'asset', fileName: SHELL, source: withScripts(shell, deps, null) });
    },
  };
}
