// The words people read for a procedure's time and fee, written from the administrator's
// choice in both languages at once; they stay editable, and are only rewritten while they
// still say what the previous choice would have said.
import { staffTextIn } from '../i18n/index.ts';
import type { FeeKind, ProcedureDraft, Text, TimeKind } from './model.ts';
import { readAmount } from './model.ts';

const LANGS = ['vi', 'en'] as const;
const money = (lang: 'vi' | 'en', n: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(n);

export function timeText(kind: TimeKind, days: string): Text {
  const n = Number(days.trim());
  const one = (lang: 'vi' | 'en') =>
    kind === 'sameDay' ? staffTextIn(lang, 'catalog.prefill.sameDay') : Number.isInteger(n) && n > 0 ? staffTextIn(lang, 'catalog.prefill.days', { n }) : '';
  return { vi: one('vi'), en: one('en') };
}

export function feeText(kind: FeeKind | null, amountText: string, capText: string): Text {
  const amount = readAmount(amountText);
  const cap = readAmount(capText);
  const one = (lang: 'vi' | 'en'): string => {
    if (kind === null) return '';
    if (kind === 'none') return staffTextIn(lang, 'catalog.prefill.none');
    if (amount === undefined || Number.isNaN(amount)) return '';
    const text = staffTextIn(lang, `catalog.prefill.${kind}`, { amount: money(lang, amount) });
    return kind !== 'fixed' && cap !== undefined && !Number.isNaN(cap) ? staffTextIn(lang, 'catalog.prefill.cap', { text, cap: money(lang, cap) }) : text;
  };
  return { vi: one('vi'), en: one('en') };
}

/** The text after a choice changed: each language follows the choice unless someone wrote their own. */
export function follow(current: Text, before: Text, after: Text): Text {
  const out = { ...current };
  for (const l of LANGS) if (!current[l].trim() || current[l] === before[l]) out[l] = after[l];
  return out;
}

export const timeOf = (d: ProcedureDraft) => timeText(d.timeKind, d.days);
export const feeOf = (d: ProcedureDraft) => feeText(d.feeKind, d.feeAmount, d.feeCap);
