import { describe, expect, it } from 'vitest';
import { foldVi, matchesQuery } from './fold.ts';

describe('foldVi', () => {
  it('removes tones, vowel marks and folds đ', () => {
    expect(foldVi('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVi('Xã Võ Nhai')).toBe('xa vo nhai');
    expect(foldVi('ĐỒNG HỶ')).toBe('dong hy');
  });
  it('treats punctuation as spaces', () => {
    expect(foldVi('Đăng ký  thường-trú.')).toBe('dang ky thuong tru');
  });
});

describe('matchesQuery', () => {
  it('finds a procedure typed without tones, whole or in part', () => {
    expect(matchesQuery('dang ky khai sinh', 'Đăng ký khai sinh')).toBe(true);
    expect(matchesQuery('khai sinh', 'Đăng ký khai sinh')).toBe(true);
    expect(matchesQuery('KHAI SINH', 'Đăng ký khai sinh')).toBe(true);
    expect(matchesQuery('đăng ký khai sinh', 'Dang ky khai sinh')).toBe(true);
  });
  it('needs every word, each at the start of a word', () => {
    expect(matchesQuery('khai tu', 'Đăng ký khai sinh')).toBe(false);
    expect(matchesQuery('sinh', 'Đăng ký khai sinh')).toBe(true);
    expect(matchesQuery('inh', 'Đăng ký khai sinh')).toBe(false);
  });
  it('searches several texts and matches everything for an empty query', () => {
    expect(matchesQuery('birth', 'Đăng ký khai sinh', 'Birth registration')).toBe(true);
    expect(matchesQuery('  ', 'x')).toBe(true);
  });
});
