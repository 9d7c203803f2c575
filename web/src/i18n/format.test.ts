import { describe, expect, it } from 'vitest';
import { formatBytes } from './format.ts';

describe('formatBytes', () => {
  it('writes sizes as Vietnamese does: decimal comma, thousands dot, one decimal below 10 MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(312 * 1024)).toBe('312 KB');
    expect(formatBytes(1.23 * 1024 * 1024)).toBe('1,2 MB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(10.6 * 1024 * 1024)).toBe('11 MB');
    expect(formatBytes(3.45 * 1024 ** 3)).toBe('3,5 GB');
    expect(formatBytes(1500 * 1024 ** 4)).toBe('1.500 TB');
  });

  it('writes them the English way in English', () => {
    expect(formatBytes(312 * 1024, 'en')).toBe('312 KB');
    expect(formatBytes(1.23 * 1024 * 1024, 'en')).toBe('1.2 MB');
    expect(formatBytes(1500 * 1024 ** 4, 'en')).toBe('1,500 TB');
  });
});
