/// <reference types="node" />
// Every language is one folder of shared/locales with the namespaces Vietnamese has, and each
// file says the same things as Vietnamese's: the same keys and the same {{placeholders}}
// (plural forms count as one key). Adding a language is adding a folder; this test names what
// it still lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { resourceDifferences } from './i18n-parity.ts';

const root = new URL('../locales/', import.meta.url);
const languages = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const namespaces = (lang: string) =>
  readdirSync(new URL(`${lang}/`, root))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
const read = (lang: string, ns: string): unknown => JSON.parse(readFileSync(new URL(`${lang}/${ns}.json`, root), 'utf8'));

describe('shared/locales', () => {
  test('Vietnamese, the default, is there with its namespaces', () => {
    expect(languages).toContain('vi');
    expect(namespaces('vi')).toEqual(expect.arrayContaining(['app', 'common', 'forms']));
  });

  describe.each(languages.filter((l) => l !== 'vi'))('%s', (lang) => {
    test('has every namespace Vietnamese has, and no other', () => expect(namespaces(lang)).toEqual(namespaces('vi')));

    test.each(namespaces('vi'))('%s.json has the keys and placeholders of Vietnamese', (ns) => {
      expect(resourceDifferences(read('vi', ns), read(lang, ns), ['vi', lang])).toEqual([]);
    });

    test('names itself (common.json language.name)', () => {
      const common = read(lang, 'common') as { language?: { name?: unknown } };
      expect(typeof common.language?.name).toBe('string');
    });
  });

  test('every file is i18next JSON: nested objects of strings', () => {
    const strings = (v: unknown): boolean => typeof v === 'string' || (!!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(strings));
    for (const lang of languages) for (const ns of namespaces(lang)) expect(strings(read(lang, ns)), `${lang}/${ns}.json`).toBe(true);
  });

  test('a status has one word, distinct from the others, in every language', () => {
    for (const lang of languages) {
      const status = (read(lang, 'common') as { status: Record<string, string> }).status;
      expect(new Set(Object.values(status)).size, lang).toBe(Object.keys(status).length);
    }
  });
});
