// resourceDifferences names what two languages' resources do not share. Every file of
// shared/locales is held to Vietnamese's with it in locales.test.ts.
import { describe, expect, test } from 'vitest';
import { resourceDifferences } from './i18n-parity.ts';

describe('vi and en parity', () => {
  test('a missing key, an extra one and a changed placeholder are each named; plural forms count as one key', () => {
    const vi = { a: 'Còn {{days}} ngày', b: { c: 'x' }, n_other: '{{count}} hồ sơ' };
    const en = { a: '{{day}} days left', d: 'y', n_one: '{{count}} dossier', n_other: '{{count}} dossiers' };
    expect(resourceDifferences(vi, en).sort()).toEqual(['a: {{days}} in vi, {{day}} in en', 'b.c: only in vi', 'd: only in en']);
  });
});
