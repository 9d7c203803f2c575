import { describe, expect, test } from 'vitest';
import { PORTAL_STATUS, portalStatus, statusOfPortal } from './integration.ts';
import { DossierStatus } from './schemas.ts';

describe('national portal status numbers', () => {
  test('each of our statuses has the number DOMAIN.md gives it', () => {
    expect(DossierStatus.options.map((s) => [s, portalStatus(s)])).toEqual([
      ['registered', 1],
      ['accepted', 2],
      ['refused', 3],
      ['processing', 4],
      ['supplement_requested', 5],
      ['financial_requested', 6],
      ['withdrawn', 7],
      ['stopped', 8],
      ['processed', 9],
      ['returned', 10],
    ]);
  });

  test('one each way: 1-10 are all used, and read back to the same status', () => {
    expect(Object.values(PORTAL_STATUS).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const s of DossierStatus.options) expect(statusOfPortal(portalStatus(s))).toBe(s);
    expect(statusOfPortal(0)).toBeUndefined();
    expect(statusOfPortal(11)).toBeUndefined();
  });
});
