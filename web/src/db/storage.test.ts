import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { askPersistence, isLow, isQuotaError, readStorage } from './storage.ts';

const MB = 1024 * 1024;

describe('storage', () => {
  it('is "running out" under 50 MB free or under a tenth of the quota', () => {
    expect(isLow(10 * MB, 2000 * MB)).toBe(false);
    expect(isLow(1960 * MB, 2000 * MB)).toBe(true); // 40 MB left
    expect(isLow(5 * MB, 54 * MB)).toBe(true); // 49 MB left
    expect(isLow(9100 * MB, 10000 * MB)).toBe(true); // 9 % left
  });

  it('reads the estimate and whether the data is kept for good', async () => {
    const info = await readStorage({ estimate: async () => ({ usage: 12 * MB, quota: 1000 * MB }), persisted: async () => true });
    expect(info).toEqual({ usage: 12 * MB, quota: 1000 * MB, free: 988 * MB, persisted: true, low: false });
    expect(await readStorage(undefined)).toBeNull();
    expect(await readStorage({ estimate: async () => ({}) })).toBeNull();
  });

  it('asks for persistence once it is not granted yet, and copes with browsers that cannot', async () => {
    let asked = 0;
    expect(await askPersistence({ estimate: async () => ({}), persisted: async () => false, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(1);
    expect(await askPersistence({ estimate: async () => ({}), persisted: async () => true, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(1);
    expect(await askPersistence({ estimate: async () => ({}) })).toBeNull();
  });

  it('recognises a full disk however it is wrapped', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [quota] })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'NotFoundError'))).toBe(false);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
