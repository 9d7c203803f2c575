// A language is only as good as its missing keys (shared/src/locales.test.ts holds every file of
// shared/locales to Vietnamese's): the staff console and the receipt's trust words must have the
// same keys and {{placeholders}} in Vietnamese and English.
import { resourceDifferences } from '@hsc/shared/i18n-parity';
import { describe, expect, test } from 'vitest';
import staffEn from '../staff/i18n/en.ts';
import staffVi from '../staff/i18n/vi.ts';
import { trustLanguages } from '../trust/texts.ts';

describe('vi and en parity', () => {
  test('the staff console', () => expect(resourceDifferences(staffVi, staffEn)).toEqual([]));
  test('the receipt and verify words', () => expect(resourceDifferences(trustLanguages.vi, trustLanguages.en)).toEqual([]));
});
