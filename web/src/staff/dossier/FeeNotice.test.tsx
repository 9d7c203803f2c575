import { buildVietQr } from '@hsc/shared/vietqr';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDossier, setupStaffTest } from '../test/fixtures.ts';
import { FeeNotice } from './FeeNotice.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const PAYEE = { bankBin: '970405', bankName: 'Agribank', accountNumber: '8888057160000', accountName: 'UBND XA VO NHAI (THU NGHIEM)' };
const VIETQR = buildVietQr({ bankBin: '970405', accountNumber: '8888057160000', amount: 50000, purpose: 'H19.05716-260310-0001 LE' });

describe('the fee notice', () => {
  it('prints the code the phone shows, the amount, what for and the account as text', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<FeeNotice dossier={deskDossier({ status: 'financial_requested', payment: { amount: 50000, note: 'Lệ phí kết hôn', vietqr: VIETQR, payee: PAYEE } })} unitName="Xã Võ Nhai" />);
    expect(screen.getByTestId('fee-amount').textContent).toBe('Số tiền: 50.000 đồng');
    expect(screen.getByTestId('fee-purpose').textContent).toBe('Nộp để: Lệ phí kết hôn');
    const qr = screen.getByTestId('fee-qr');
    expect(qr.dataset.text).toBe(VIETQR);
    await waitFor(() => expect(qr.querySelector('svg')).toBeTruthy());
    const account = screen.getByTestId('fee-account').textContent!;
    for (const s of ['Agribank', '8888057160000', 'UBND XA VO NHAI (THU NGHIEM)', 'H19.05716-260310-0001 LE']) expect(account).toContain(s);
    fireEvent.click(screen.getByTestId('fee-print'));
    expect(print).toHaveBeenCalled();
    expect(document.body.classList.contains('print-fee')).toBe(false);
  });

  it('is not shown once paid, nor before a fee is requested', () => {
    const { container } = render(<FeeNotice dossier={deskDossier({ status: 'processing', payment: { amount: 50000, vietqr: VIETQR, payee: PAYEE, paidAt: '2026-03-10T03:00:00.000Z' } })} />);
    expect(container.textContent).toBe('');
    render(<FeeNotice dossier={deskDossier({ status: 'processing', payment: null })} />);
    expect(screen.queryByTestId('fee-notice')).toBeNull();
  });
});
