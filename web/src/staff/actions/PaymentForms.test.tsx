import { SEED_CATALOG } from '@hsc/shared/catalog';
import { calendar } from '@hsc/shared/workdays';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDossier, fakeApi, NOW, setupStaffTest, user } from '../test/fixtures.ts';
import { ActionPanel } from './ActionPanel.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const PROCEDURE = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const ACTIONS = 'POST /api/staff/dossiers/11111111-1111-4111-8111-111111111111/actions';

describe('fee forms', () => {
  it('asks what the fee is for, in the words the person will see beside the QR', async () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier({ status: 'financial_requested', payment: { amount: 50000 } }) }) });
    const onDone = vi.fn();
    render(<ActionPanel dossier={deskDossier({ status: 'processing' })} user={user('officer')} procedure={PROCEDURE} calendar={calendar([])} onDone={onDone} now={NOW} />);
    fireEvent.click(screen.getByTestId('action-request_payment'));
    expect(screen.getByText('Nộp để làm gì (người dân thấy cùng mã QR chuyển khoản)')).toBeTruthy();
    fireEvent.change(screen.getByTestId('payment-amount'), { target: { value: '50.000' } });
    fireEvent.change(screen.getByTestId('payment-note'), { target: { value: 'Lệ phí đăng ký kết hôn' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0]!.body).toMatchObject({ action: 'request_payment', amount: 50000, note: 'Lệ phí đăng ký kết hôn' });
  });

  it('marks the fee paid with the amount received (the requested one to start with) and the bank reference', async () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier({ status: 'processing' }) }) });
    const onDone = vi.fn();
    const dossier = deskDossier({ status: 'financial_requested', payment: { amount: 50000, note: 'Lệ phí' } });
    render(<ActionPanel dossier={dossier} user={user('officer')} procedure={PROCEDURE} calendar={calendar([])} onDone={onDone} now={NOW} />);
    fireEvent.click(screen.getByTestId('action-payment_received'));
    expect((screen.getByTestId('paid-amount') as HTMLInputElement).value).toBe('50000');
    fireEvent.change(screen.getByTestId('paid-amount'), { target: { value: 'năm mươi' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(screen.getByTestId('form-problem').textContent).toBe('Hãy nhập số tiền bằng chữ số.');
    fireEvent.change(screen.getByTestId('paid-amount'), { target: { value: '50 000' } });
    fireEvent.change(screen.getByTestId('paid-reference'), { target: { value: ' FT26069123456 ' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0]!.body).toMatchObject({ action: 'payment_received', amount: 50000, reference: 'FT26069123456' });
  });
});
