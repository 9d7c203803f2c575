import { describe, expect, it } from 'vitest';
import { formatDossierCode, lookupCodeFrom, LOOKUP_ALPHABET, parseDossierCode } from './code.ts';

describe('dossier code (Circular 01/2018 art. 19)', () => {
  it('is <agency>-<YYMMDD>-<NNNN> on the Vietnamese date', () => {
    expect(formatDossierCode('H19.05533', new Date('2026-11-26T03:00:00Z'), 7)).toBe('H19.05533-261126-0007');
    // 18:00 UTC on the 25th is already the 26th in Vietnam
    expect(formatDossierCode('H19.05533', new Date('2026-11-25T18:00:00Z'), 1)).toBe('H19.05533-261126-0001');
  });
  it('refuses a sequence that does not fit four digits', () => {
    expect(() => formatDossierCode('X', new Date(), 0)).toThrow(RangeError);
    expect(() => formatDossierCode('X', new Date(), 10000)).toThrow(RangeError);
  });
  it('parses back what it formats', () => {
    expect(parseDossierCode('H19.05533-261126-0042')).toEqual({ agencyId: 'H19.05533', yymmdd: '261126', sequence: 42 });
    expect(parseDossierCode('H19.05533-2611-0042')).toBeNull();
  });
});

describe('lookup code', () => {
  it('is 4 characters from an alphabet without look-alikes', () => {
    const code = lookupCodeFrom(new Uint8Array([0, 1, 2, 3]));
    expect(code).toHaveLength(4);
    for (const ch of code) expect(LOOKUP_ALPHABET).toContain(ch);
    expect(LOOKUP_ALPHABET).not.toMatch(/[0O1IL5S2Z]/);
  });
  it('skips bytes that would bias the choice', () => {
    const limit = 256 - (256 % LOOKUP_ALPHABET.length);
    expect(lookupCodeFrom(new Uint8Array([limit, 255, 0, 0, 0, 0]))).toBe(LOOKUP_ALPHABET[0]!.repeat(4));
    expect(() => lookupCodeFrom(new Uint8Array([255, 255, 255, 255]))).toThrow();
  });
});
