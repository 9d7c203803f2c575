// The verify screen with keys kept on the phone and no network: a genuine receipt shows its
// signed contents; altered, unknown-key and non-receipt texts each get their own plain verdict.
import { base64urlEncode, canonicalize, utf8Encode } from '@hsc/shared/canonical';
import { toQrText, type SignatureFields } from '@hsc/shared/receipt-signing';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeReceiptKeys } from '../db/trust.ts';
import { initI18n } from '../i18n/index.ts';
import { resetDb } from '../test-utils/fixtures.ts';
import VerifyScreen from './VerifyScreen.tsx';

const receipt = {
  dossierId: '0b5c6f1e-6a4b-4f7e-9d52-8a1e3c2b7f10',
  code: 'H19.05716-260310-0007',
  lookupCode: 'K7QM',
  unitCode: '05716',
  procedureCode: '2.000884',
  status: 'registered',
  receivedAt: '2026-03-10T02:00:00.000Z',
  dueAt: '2026-03-13T10:00:00.000Z',
  documents: [{ attachmentId: '7d7a1a54-33a4-4a4e-a0f5-0f2b8c1d9e11', slot: 'idCard', sha256: 'ab'.repeat(32), size: 1234 }],
};

async function signer() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const kid = [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const bytes = utf8Encode(canonicalize(receipt));
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes as Uint8Array<ArrayBuffer>));
  const fields: SignatureFields = { signed: base64urlEncode(bytes), signature: base64urlEncode(signature), kid };
  return { key: { kid, alg: 'Ed25519' as const, publicKey: base64urlEncode(raw) }, text: await toQrText(fields) };
}

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  // No network: every fetch fails, as offline.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
});
afterEach(() => vi.unstubAllGlobals());

async function verdictFor(text: string) {
  fireEvent.change(screen.getByTestId('verify-input'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('verify-check'));
  return (await screen.findByTestId('verify-verdict')).getAttribute('data-verdict');
}

describe('VerifyScreen', () => {
  it('checks offline against the kept keys and explains each verdict', async () => {
    const s = await signer();
    await mergeReceiptKeys([s.key]);
    render(<VerifyScreen />);

    expect(await verdictFor(s.text)).toBe('valid');
    expect(screen.getByText('Biên nhận thật', { exact: false })).toBeTruthy();
    const facts = screen.getByTestId('verify-facts').textContent!;
    expect(facts).toContain(receipt.code);
    expect(facts).toContain('K7QM');
    expect(facts).toContain('Đã nộp, chờ tiếp nhận');
    expect(facts).toContain('ab'.repeat(32));

    const parts = s.text.split('.');
    parts[2] = parts[2]!.slice(0, 20) + (parts[2]![20] === 'A' ? 'B' : 'A') + parts[2]!.slice(21);
    expect(await verdictFor(parts.join('.'))).toBe('forged');
    expect(screen.getByText(/giả hoặc đã bị sửa/)).toBeTruthy();

    expect(await verdictFor(s.text.replace(s.key.kid.toUpperCase(), 'FFFFFFFFFFFFFFFF'))).toBe('unknown_key');
    expect(screen.getByText(/Không nhận ra khóa ký/)).toBeTruthy();

    expect(await verdictFor('xin chào')).toBe('malformed');
  });

  it('says when the phone has no keys yet', async () => {
    render(<VerifyScreen />);
    expect(await screen.findByText(/chưa có khóa/)).toBeTruthy();
  });
});
