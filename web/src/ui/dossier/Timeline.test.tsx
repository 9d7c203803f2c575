// The signed Mẫu 01-04 forms kept with a dossier, shown under its timeline with no network: a
// genuine one is marked valid against the keys kept on the phone, an altered one is not, and
// each can be shown as its QR text for the desk.
import { base64urlEncode, canonicalize, utf8Encode } from '@hsc/shared/canonical';
import { fromQrText } from '@hsc/shared/receipt-signing';
import type { SignedDecision } from '@hsc/shared/schemas';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier, saveStatus } from '../../db/dossiers.ts';
import { mergeReceiptKeys } from '../../db/trust.ts';
import { initI18n } from '../../i18n/index.ts';
import { receivedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { DossierDetail } from '../screens/DossierDetail.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  // No network: every fetch fails, as at the desk without a connection.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
});
afterEach(() => vi.unstubAllGlobals());

async function signer() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const kid = [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const sign = async (form: Record<string, string>): Promise<SignedDecision> => {
    const bytes = utf8Encode(canonicalize(form));
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes as Uint8Array<ArrayBuffer>));
    return { formId: form.id!, kind: form.kind as SignedDecision['kind'], issuedAt: form.issuedAt!, signed: base64urlEncode(bytes), signature: base64urlEncode(signature), kid };
  };
  return { key: { kid, alg: 'Ed25519' as const, publicKey: base64urlEncode(raw) }, sign };
}

describe('signed decisions in the timeline, offline', () => {
  it('keeps the decisions with the status; a genuine one shows its valid mark, an altered one does not', async () => {
    const s = await signer();
    await mergeReceiptKeys([s.key]);
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const form01 = { id: 'f-01', kind: '01', issuedAt: '2026-11-26T03:00:00.000Z', dossierId: d.id, dueAt: '2026-11-30T10:00:00.000Z' };
    const form04 = { id: 'f-04', kind: '04', issuedAt: '2026-11-27T03:00:00.000Z', dossierId: d.id, newDueAt: '2026-12-03T10:00:00.000Z' };
    const genuine = await s.sign(form01);
    const signed04 = await s.sign(form04);
    // The new date moved by someone after signing: the signature no longer covers these bytes.
    const altered = { ...signed04, signed: base64urlEncode(utf8Encode(canonicalize({ ...form04, newDueAt: '2026-12-31T10:00:00.000Z' }))) };
    const timeline = [
      { status: 'registered' as const, at: receipt.receivedAt },
      { status: 'accepted' as const, at: form01.issuedAt },
    ];
    await saveStatus(d.id, { receipt, status: 'accepted', dueAt: receipt.dueAt, timeline, decisions: [genuine, altered] });
    expect((await getDossier(d.id))?.decisions).toEqual([genuine, altered]);
    // A later status without decisions (an older server) does not drop the kept ones.
    await saveStatus(d.id, { receipt, status: 'accepted', dueAt: receipt.dueAt, timeline });
    expect((await getDossier(d.id))?.decisions).toEqual([genuine, altered]);

    render(<DossierDetail id={d.id} />);
    await waitFor(() => expect(screen.getAllByTestId('decision').every((e) => e.dataset.verdict)).toBe(true));
    const [first, second] = screen.getAllByTestId('decision');
    expect(first!.textContent).toContain('Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(first!.textContent).toContain('26/11/2026');
    expect(first!.dataset.verdict).toBe('valid');
    expect(first!.textContent).toContain('Chữ ký hợp lệ ✓');
    expect(second!.textContent).toContain('Mẫu 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(second!.dataset.verdict).toBe('invalid');
    expect(second!.textContent).not.toContain('Chữ ký hợp lệ ✓');
  });

  it('a signed form names the form it is stored as: a genuine signature under another form id is not valid', async () => {
    const s = await signer();
    await mergeReceiptKeys([s.key]);
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const genuine = await s.sign({ id: 'f-01', kind: '01', issuedAt: '2026-11-26T03:00:00.000Z', dossierId: d.id });
    await saveStatus(d.id, { receipt, status: 'accepted', dueAt: receipt.dueAt, timeline: [{ status: 'accepted', at: genuine.issuedAt }], decisions: [{ ...genuine, formId: 'f-99', kind: '03' }] });
    render(<DossierDetail id={d.id} />);
    await waitFor(() => expect(screen.getByTestId('decision').dataset.verdict).toBe('invalid'));
  });

  it('shows a decision’s signed text for the desk, the same fields it was stored with', async () => {
    const s = await signer();
    await mergeReceiptKeys([s.key]);
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const genuine = await s.sign({ id: 'f-02', kind: '02', issuedAt: '2026-11-26T03:00:00.000Z', dossierId: d.id });
    await saveStatus(d.id, { receipt, status: 'supplement_requested', dueAt: receipt.dueAt, timeline: [{ status: 'supplement_requested', at: genuine.issuedAt }], decisions: [genuine] });
    render(<DossierDetail id={d.id} />);
    await waitFor(() => expect(screen.getByTestId('decision').dataset.verdict).toBe('valid'));
    expect(screen.getByTestId('decision').textContent).toContain('Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    fireEvent.click(screen.getByTestId('decision-show'));
    const text = ((await screen.findByTestId('decision-qr-text')) as HTMLTextAreaElement).value;
    expect(text.startsWith('HSC1.')).toBe(true);
    expect(await fromQrText(text)).toEqual({ signed: genuine.signed, signature: genuine.signature, kid: genuine.kid });
  });
});
