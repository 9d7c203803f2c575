// The server speaks every language folder of shared/locales, each saying what Vietnamese says
// (shared/src/locales.test.ts checks the files; this checks what the server loaded), and
// answers in the one Accept-Language asks for first, Vietnamese otherwise.
import { resourceDifferences } from '@hsc/shared/i18n-parity';
import type { FastifyRequest } from 'fastify';
import { describe, expect, test } from 'vitest';
import { LANGUAGES, langOf, loadedResources, text, translate } from '../src/http/texts.ts';

const asking = (header?: string) => ({ headers: header === undefined ? {} : { 'accept-language': header } }) as FastifyRequest;

describe('server texts', () => {
  test('every language folder is loaded, with the keys and placeholders of Vietnamese', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['vi', 'en']));
    for (const lang of LANGUAGES) {
      expect(Object.keys(loadedResources[lang]!).sort(), lang).toEqual(Object.keys(loadedResources.vi!).sort());
      for (const ns of Object.keys(loadedResources.vi!)) {
        expect(resourceDifferences(loadedResources.vi![ns], loadedResources[lang]![ns], ['vi', lang]), `${lang}/${ns}`).toEqual([]);
      }
    }
  });

  test('Vietnamese unless Accept-Language asks for a language the server has first', () => {
    expect(langOf(asking())).toBe('vi');
    expect(langOf(asking('en-US,en;q=0.9'))).toBe('en');
    expect(langOf(asking('EN'))).toBe('en');
    expect(langOf(asking('vi-VN, en;q=0.5'))).toBe('vi');
    expect(langOf(asking('fr-FR, en;q=0.5'))).toBe('vi');
  });

  test('answers, field problems, refusals and statuses come from their namespaces', () => {
    expect(text('vi', 'not_found')).toBe('Không tìm thấy.');
    expect(text('en', 'not_found')).toBe('Not found.');
    expect(translate('en', 'forms:errors.tooLong', { max: 20 })).toBe('Too long (at most 20 characters).');
    expect(translate('vi', 'staff:lifecycle.reason_required')).toBe('Hãy nêu rõ lý do.');
    expect(translate('en', 'common:status.processing')).toBe('Being processed');
  });
});
