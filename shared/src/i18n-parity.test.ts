// The shared words (statuses, decisions, desk actions, validation) say the same things in
// Vietnamese and English: the same keys, the same {{placeholders}}.
import { describe, expect, test } from 'vitest';
import { actionMessages, badgeMessages, decisionMessages, fillMessage, lifecycleErrorMessages, statusMessages } from './desk-messages.ts';
import { resourceDifferences } from './i18n-parity.ts';
import { lifeEventLabels } from './life-events.ts';
import { validationMessages } from './messages.ts';

describe('vi and en parity', () => {
  test('every shared message set has the same keys and placeholders in both languages', () => {
    const sets = { statusMessages, decisionMessages, actionMessages, badgeMessages, lifecycleErrorMessages, validationMessages };
    for (const [name, set] of Object.entries(sets)) expect(resourceDifferences(set.vi, set.en), name).toEqual([]);
    expect(resourceDifferences(lifeEventLabels('vi'), lifeEventLabels('en'))).toEqual([]);
  });

  test('a missing key, an extra one and a changed placeholder are each named; plural forms count as one key', () => {
    const vi = { a: 'Còn {{days}} ngày', b: { c: 'x' }, n_other: '{{count}} hồ sơ' };
    const en = { a: '{{day}} days left', d: 'y', n_one: '{{count}} dossier', n_other: '{{count}} dossiers' };
    expect(resourceDifferences(vi, en).sort()).toEqual(['a: {{days}} in vi, {{day}} in en', 'b.c: only in vi', 'd: only in en']);
  });

  test('the status words are one per status and distinct', () => {
    for (const lang of ['vi', 'en'] as const) expect(new Set(Object.values(statusMessages[lang])).size).toBe(10);
  });

  test('fillMessage fills known placeholders and leaves unknown ones visible', () => {
    expect(fillMessage(decisionMessages.vi.newDue, { date: '17:00 18/03/2026' })).toBe('Hạn mới: 17:00 18/03/2026');
    expect(fillMessage('{{a}} {{b}}', { a: 1 })).toBe('1 {{b}}');
  });
});
