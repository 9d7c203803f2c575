// The server's own words say the same things in Vietnamese and English.
import { resourceDifferences } from '@hsc/shared/i18n-parity';
import { describe, expect, test } from 'vitest';
import { errorTexts } from '../src/http/texts.ts';

describe('server texts', () => {
  test('vi and en have the same keys and placeholders', () => {
    expect(resourceDifferences(errorTexts.vi, errorTexts.en)).toEqual([]);
  });
});
