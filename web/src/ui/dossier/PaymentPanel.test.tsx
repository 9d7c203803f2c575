// What the person sees when the commune asks for a fee: the amount, what for, the commune's
// VietQR code and the account as text to copy; then one line once it is marked paid.
import type { PaymentInfo } from '@hsc/shared/payment';
import { buildVietQr, parseVietQr, transferPurpose } from '@hsc/shared/vietqr';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveStatus } from '../../db/dossiers.ts';
import { listPaymentProofs, markPaymentProofReceived } from '../../db/payment-proofs.ts';
import { initI18n } from '../../i18n/index.ts';
import { receivedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { DossierDetail } from '../screens/DossierDetail.tsx';

// jsdom cannot decode or draw pictures; the real shrinker is exercised in Chromium (scripts/e2e).
vi.mock('../../capture/shrink.ts', async () => {
  const { fakeShrinker } = await import('../../test-utils/fake-shrink.ts');
  return { createShrinker: () => fakeShrinker };
});

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

const CODE = 'H19.05716-261126-0001';
const PAYEE = { bankBin: '970405', bankName: 'Agribank', accountNumber: '8888057160000', accountName: 'UBND XA VO NHAI (THU NGHIEM)' };
const PAYMENT: PaymentInfo = {
  amount: 50000,
  purpose: 'Lệ phí đăng ký kết hôn',
  vietqr: buildVietQr({ bankBin: PAYEE.bankBin, accountNumber: PAYEE.accountNumber, amount: 50000, purpose: transferPurpose(CODE, 'Lệ phí đăng ký kết hôn') }),
  payee: PAYEE,
};

async function received(status: 'financial_requested' | 'processing', payment: PaymentInfo) {
  const { d, receipt } = await receivedDossier({ code: CODE });
  await saveStatus(d.id, { receipt, status, dueAt: receipt.dueAt, timeline: [], payment });
  return d;
}

describe('a fee on the phone', () => {
  it('shows how much, what for, the QR code as the server built it, and the account to copy', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const d = await received('financial_requested', PAYMENT);
    render(<DossierDetail id={d.id} />);

    const panel = await screen.findByTestId('payment-panel');
    expect(panel.textContent).toContain('Cần nộp phí, lệ phí');
    expect(screen.getByTestId('payment-amount').textContent).toBe('Số tiền: 50.000 đồng');
    expect(screen.getByTestId('payment-purpose').textContent).toBe('Nộp để: Lệ phí đăng ký kết hôn');
    const qr = await screen.findByTestId('payment-qr');
    expect(qr.dataset.payload).toBe(PAYMENT.vietqr);
    expect(screen.getByTestId('payment-bank').textContent).toBe('Agribank');
    expect(screen.getByTestId('payment-account').textContent).toBe('8888057160000');
    expect(screen.getByTestId('payment-account-name').textContent).toBe('UBND XA VO NHAI (THU NGHIEM)');
    expect(screen.getByTestId('payment-sum').textContent).toBe('50000');
    const content = screen.getByTestId('payment-content').textContent!;
    expect(content).toBe(parseVietQr(PAYMENT.vietqr!)!.purpose);
    expect(content.startsWith(CODE)).toBe(true);

    fireEvent.click(screen.getByTestId('copy-account'));
    await waitFor(() => expect(screen.getByTestId('copy-account').textContent).toBe('Đã chép'));
    expect(writeText).toHaveBeenCalledWith('8888057160000');
  });

  it('without a commune account: the amount, and to pay at the desk', async () => {
    const d = await received('financial_requested', { amount: 8000, purpose: '' });
    render(<DossierDetail id={d.id} />);
    await screen.findByTestId('payment-panel');
    expect(screen.getByTestId('payment-at-desk').textContent).toContain('bộ phận một cửa');
    expect(screen.queryByTestId('payment-qr')).toBeNull();
    expect(screen.queryByTestId('payment-purpose')).toBeNull();
  });

  it('once marked paid, says so in one line instead of the code', async () => {
    const d = await received('processing', { ...PAYMENT, paidAt: '2026-11-27T03:00:00.000Z' });
    render(<DossierDetail id={d.id} />);
    expect((await screen.findByTestId('payment-paid')).textContent).toContain('Xã đã nhận 50.000 đồng tiền phí');
    expect(screen.queryByTestId('payment-panel')).toBeNull();
  });

  it('takes a photo of the transfer: kept on the phone and waiting to be sent, then received, with room for another', async () => {
    const d = await received('financial_requested', PAYMENT);
    render(<DossierDetail id={d.id} />);
    expect((await screen.findByTestId('payment-proofs')).textContent).toContain('Đã chuyển khoản?');
    expect(screen.getByTestId('proof-add').textContent).toBe('Gửi ảnh chuyển khoản');

    const input = screen.getByTestId('proof-input');
    Object.defineProperty(input, 'files', { value: [new File(['screenshot'], 'Screenshot_bank.png', { type: 'image/png' })], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByTestId('proof-waiting')).textContent).toContain('đã lưu trên điện thoại');
    const [proof] = await listPaymentProofs(d.id);
    expect(proof).toMatchObject({ state: 'queued', dossierId: d.id });
    expect(screen.getByTestId('proof-add').textContent).toBe('Gửi thêm một ảnh');

    await markPaymentProofReceived(proof!.id, { ...d.receipt!, receivedAt: '2026-11-27T03:00:00.000Z', paymentProofId: proof!.id, documents: [] });
    expect((await screen.findByTestId('proof-received')).textContent).toContain('Xã đã nhận ảnh chuyển khoản lúc');
  });

  it('offers no photo when the fee is paid at the desk', async () => {
    const d = await received('financial_requested', { amount: 8000, purpose: '' });
    render(<DossierDetail id={d.id} />);
    await screen.findByTestId('payment-panel');
    expect(screen.queryByTestId('payment-proofs')).toBeNull();
  });
});
