import { describe, expect, it } from 'vitest';
import { codeHasTail, deskQuery } from './desk-search.ts';

const CODE = 'H19.05716-261130-0010';

describe("the officer's search box", () => {
  it('takes any end of a code, with or without the agency prefix, in any case', () => {
    for (const q of ['0010', '261130-0010', '05716-261130-0010', 'H19.05716-261130-0010', 'h19.05716-261130-0010', ' 261130 - 0010 ']) {
      const { codeTail } = deskQuery(q);
      expect(codeTail, q).toBeDefined();
      expect(codeHasTail(CODE, codeTail!), q).toBe(true);
    }
    // Cut only at a separator: a tail is not any run of digits.
    expect(codeHasTail(CODE, '010')).toBe(false);
    expect(codeHasTail(CODE, '30-0010')).toBe(false);
    expect(codeHasTail('H19.05716-261130-0011', deskQuery('0010').codeTail!)).toBe(false);
  });

  it('reads a number as a phone or citizen ID as well, however it is spelled', () => {
    for (const q of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '0912-345-678']) expect(deskQuery(q).words, q).toEqual(['0912345678']);
    expect(deskQuery('019 123 456 789').words).toEqual(['019123456789']);
  });

  it('reads words without tones', () => {
    expect(deskQuery('Hoàng Thị  Lan')).toEqual({ words: ['hoang', 'thi', 'lan'] });
    expect(deskQuery('')).toEqual({ words: [] });
  });
});
