import { describe, expect, it } from 'vitest';
import { buildVietQr, crc16, parseTlv, parseVietQr, transferPurpose } from './vietqr.ts';

describe('VietQR payload', () => {
  it('computes CRC-16/CCITT-FALSE with its published check value', () => {
    expect(crc16('123456789')).toBe(0x29b1);
  });

  it('verifies the CRC of a published NAPAS payload (liopay/vietqr, static QR to a merchant)', () => {
    const published =
      '00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN5910PHUONG CAC6005HANOI62110307NPS686963045802';
    const parsed = parseVietQr(published);
    expect(parsed).toMatchObject({ guid: 'A000000727', bankBin: '970403', currency: '704', country: 'VN', crc: '5802', crcValid: true });
    expect(parseVietQr(published.slice(0, -1) + '3')?.crcValid).toBe(false);
  });

  it('builds a dynamic transfer payload that parses back field by field', () => {
    const purpose = transferPurpose('H19.05533-261126-0007', 'Lệ phí đăng ký khai sinh');
    const payload = buildVietQr({ bankBin: '970405', accountNumber: '8800123456789', amount: 50000, purpose });
    expect(payload).toBe(
      '00020101021238570010A00000072701270006970405011388001234567890208QRIBFTTA53037045405500005802VN62280824H19.05533-261126-0007 LE6304A39B',
    );
    expect(parseTlv(payload)?.map((f) => f.tag)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(parseVietQr(payload)).toEqual({
      payloadFormat: '01',
      initiation: '12',
      guid: 'A000000727',
      bankBin: '970405',
      accountNumber: '8800123456789',
      service: 'QRIBFTTA',
      currency: '704',
      amount: 50000,
      country: 'VN',
      purpose: 'H19.05533-261126-0007 LE',
      crc: 'A39B',
      crcValid: true,
    });
  });

  it('keeps the dossier code first in a plain-ASCII purpose of at most 25 characters', () => {
    expect(transferPurpose('H19.05533-261126-0007')).toBe('H19.05533-261126-0007');
    expect(transferPurpose('H19.05533-261126-0007', 'Phí')).toBe('H19.05533-261126-0007 PHI');
    expect(transferPurpose('A-261126-0001', 'Lệ phí đăng ký kết hôn')).toBe('A-261126-0001 LE PHI DANG');
    for (const p of [transferPurpose('H19.05533-261126-0007', 'Đ'.repeat(40)), transferPurpose('X'.repeat(30), 'y')]) {
      expect(p.length).toBeLessThanOrEqual(25);
      expect(p).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('refuses a payee or purpose a bank app could not read', () => {
    const ok = { bankBin: '970405', accountNumber: '123', amount: 1000, purpose: 'X' };
    expect(() => buildVietQr({ ...ok, bankBin: '97040' })).toThrow();
    expect(() => buildVietQr({ ...ok, accountNumber: '12 34' })).toThrow();
    expect(() => buildVietQr({ ...ok, amount: 10.5 })).toThrow();
    expect(() => buildVietQr({ ...ok, purpose: 'Phí' })).toThrow();
  });

  it('rejects what is not a VietQR payload', () => {
    expect(parseVietQr('hello')).toBeNull();
    expect(parseVietQr('000201')).toBeNull();
  });
});
