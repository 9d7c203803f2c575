// The first screens as HTML, drawn at build time by React's server renderer (src/prerender.tsx):
// - index.html: the home screen, with its words, the big button and the header;
// - catalog.html: the catalog's heading and search box (the list comes from the phone's database);
// - shell.html: the page every other path gets (a deep link, the staff console), as before.
// The server answers `/` and `/catalog` with theirs and every other page path with shell.html;
// the service worker does the same offline (its precache finds `/` and `/catalog` by name).
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type UserConfig } from 'vite';
import { languageNames } from './language-names.ts';

/** Output file → the path whose screen it holds. */
export const PRERENDERED = { 'index.html': '/', 'catalog.html': '/catalog' } as const;
export const SHELL = 'shell.html';

const ROOT = /<div id="root">[\s\S]*?<\/div>(?=\s*<noscript>)/;

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
      for (const [file, path] of Object.entries(PRERENDERED)) {
        const html = shell.replace(ROOT, () => `<div id="root" data-prerendered="${path}">${pages[file]}</div>`);
        if (file === 'index.html') index.source = html;
        else this.emitFile({ type: 'asset', fileName: file, source: html });
      }
      this.emitFile({ type: 'asset', fileName: SHELL, source: shell });
    },
  };
}
