// Phones whose browser stopped updating: every script the build ships (the app's chunks, the
// console's, the service worker and Workbox) must parse as ES2020, what Chrome 80 and Safari 14
// understand. A chunk with `??=`, a class static block or a private method would stop the app
// on such a phone before it drew anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

describe('the build for old browsers', () => {
  it('parses every shipped script at ES2020', () => {
    const files = scripts(dist);
    expect(files.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      // Chunks are ES modules (import/export); the service worker and its helpers are scripts.
      const sourceType = /\bimport\b|\bexport\b/.test(code) ? 'module' : 'script';
      try {
        parse(code, { ecmaVersion: 2020, sourceType });
      } catch (e) {
        failures.push(`${relative(dist, file)}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the parser does refuse what Chrome 80 cannot run', () => {
    for (const code of ['a ??= 1;', 'class A { static { } }', 'class A { #m() {} }']) expect(() => parse(code, { ecmaVersion: 2020 }), code).toThrow();
  });
});
