// A language is only as good as its missing keys (shared/src/locales.test.ts holds every file of
// shared/locales to Vietnamese's): the receipt's trust words,
// still a table of their own, must have the same keys and {{placeholders}} in both languages.
import { resourceDifferences } from '@hsc/shared/i18n-parity';
import { describe, expect, test } from 'vitest';
import { trustLanguages } from '../trust/texts.ts';

describe('vi and en parity', () => {
  test('the receipt and verify words', () => expect(resourceDifferences(trustLanguages.vi, trustLanguages.en)).toEqual([]));
});
