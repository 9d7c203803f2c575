// Build-time words from shared/locales, for what is written before any script runs:
// - `virtual:language-names`: each folder of shared/locales with the name it gives itself
//   (`common.json` → `language.name`), so the language switch shows every language's own name
//   on the first screen without downloading any other language's words;
// - `shell.json` of the default language: index.html's `%shell.<key>%` and the install
//   manifest (`shellWords`), never shipped as a resource.
import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const ID = 'virtual:language-names';
const LOCALES = new URL('../shared/locales/', import.meta.url);
const DEFAULT_LANGUAGE = 'vi';

const readJson = (lang: string, ns: string): unknown => JSON.parse(readFileSync(new URL(`${lang}/${ns}.json`, LOCALES), 'utf8'));

export function languageNames(): Plugin {
  return {
    name: 'hsc-language-names',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const names: Record<string, string> = {};
      for (const dir of readdirSync(LOCALES, { withFileTypes: true })) {
        if (!dir.isDirectory()) continue;
        this.addWatchFile(new URL(`${dir.name}/common.json`, LOCALES).pathname);
        const common = readJson(dir.name, 'common') as { language?: { name?: string } };
        names[dir.name] = common.language?.name ?? dir.name;
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

/** The page shell's words in the default language (`shell.json`). */
export const shellWords = (): Readonly<Record<string, string>> => readJson(DEFAULT_LANGUAGE, 'shell') as Record<string, string>;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Fills index.html's `%shell.<key>%` with the default language's `shell.json`. */
export function shellHtml(): Plugin {
  return {
    name: 'hsc-shell-html',
    transformIndexHtml(html) {
      const words = shellWords();
      return html.replace(/%shell\.(\w+)%/g, (m, key: string) => (key in words ? escapeHtml(words[key]!) : m));
    },
  };
}
