// `virtual:language-names`: each folder of shared/locales with the name it gives itself
// (`common.json` → `language.name`), read at build time. The language switch shows every
// language's own name on the first screen without downloading any other language's words.
import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const ID = 'virtual:language-names';
const LOCALES = new URL('../shared/locales/', import.meta.url);

export function languageNames(): Plugin {
  return {
    name: 'hsc-language-names',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const names: Record<string, string> = {};
      for (const dir of readdirSync(LOCALES, { withFileTypes: true })) {
        if (!dir.isDirectory()) continue;
        const file = new URL(`${dir.name}/common.json`, LOCALES);
        this.addWatchFile(file.pathname);
        const common = JSON.parse(readFileSync(file, 'utf8')) as { language?: { name?: string } };
        names[dir.name] = common.language?.name ?? dir.name;
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}
