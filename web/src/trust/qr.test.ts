// The receipt's QR code must stay small enough to scan from a phone screen: a receipt with two
// documents (the common case) fits version 15 with medium error correction or, failing that, low.
import { canonicalize } from '@hsc/shared/canonical';
import { encodeSigned, fromQrText, toQrText } from '@hsc/shared/receipt-signing';
import { describe, expect, it } from 'vitest';
import { MAX_SCREEN_VERSION, qrOptions } from './qr.ts';

const hex = (seed: number) => Array.from({ length: 64 }, (_, i) => ((i * 7 + seed * 13) % 16).toString(16)).join('');
const receipt = (docs: number) => ({
  code: 'H19.05716-260310-0123',
  documents: Array.from({ length: docs }, (_, i) => ({ attachmentId: `7d7a1a54-33a4-4a4e-a0f5-0f2b8c1d9e${10 + i}`, sha256: hex(i), size: 183_204 + i, slot: ['declaration', 'idCard', 'birthCertificate'][i % 3] })),
  dossierId: '0b5c6f1e-6a4b-4f7e-9d52-8a1e3c2b7f10',
  dueAt: '2026-03-13T10:00:00.000Z',
  lookupCode: 'K7QM',
  procedureCode: '1.004873',
  receivedAt: '2026-03-10T02:00:00.000Z',
  status: 'registered',
  unitCode: '05716',
});
const fields = (docs: number) => ({ signed: encodeSigned(canonicalize(receipt(docs))), signature: Buffer.alloc(64, 7).toString('base64url'), kid: '0123456789abcdef' });

describe('receipt QR', () => {
  it('carries the signed bytes exactly, in QR alphanumeric characters only', async () => {
    const text = await toQrText(fields(2));
    expect(text).toMatch(/^[0-9A-Z.]+$/);
    expect(await fromQrText(text)).toEqual(fields(2));
  });

  it('fits a screen-scannable version for a receipt with two documents', async () => {
    const opts = await qrOptions(await toQrText(fields(2)));
    expect(opts.version).toBeLessThanOrEqual(MAX_SCREEN_VERSION);
  });

  it('stays within version 20 for four documents (larger dossiers: print or paste the text)', async () => {
    expect((await qrOptions(await toQrText(fields(4)))).version).toBeLessThanOrEqual(20);
  });
});
