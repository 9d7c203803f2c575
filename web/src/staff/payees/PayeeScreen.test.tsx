import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { PayeeScreen } from './PayeeScreen.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const UNITS = { units: [{ code: '05716', name: 'Xã Võ Nhai', type: 'commune', agencyId: 'H19.05716' }] };
const PATH = '/api/admin/units/05716/payee';
const SEEDED = { unitCode: '05716', payee: { bankBin: '970405', bankName: 'Agribank', accountNumber: '8888057160000', accountName: 'UBND XA VO NHAI (THU NGHIEM)', updatedAt: '2026-03-10T02:00:00.000Z' } };

describe("an administrator sets a unit's fee account", () => {
  it("shows the unit's account, checks the bank code and saves what was typed", async () => {
    const api = fakeApi({
      'GET /api/units': () => UNITS,
      'GET /api/holidays': () => ({ holidays: [] }),
      [`GET ${PATH}`]: () => SEEDED,
      [`PUT ${PATH}`]: (_u, init) => ({ unitCode: '05716', payee: { ...JSON.parse(String(init!.body)), bankName: 'Vietcombank', updatedAt: '2026-03-10T03:00:00.000Z' } }),
    });
    render(<PayeeScreen />);
    await screen.findByRole('option', { name: 'Xã Võ Nhai' });
    fireEvent.change(screen.getByTestId('payee-unit'), { target: { value: '05716' } });
    await waitFor(() => expect((screen.getByTestId('payee-number') as HTMLInputElement).value).toBe('8888057160000'));
    expect((screen.getByTestId('payee-name') as HTMLInputElement).value).toBe('UBND XA VO NHAI (THU NGHIEM)');
    expect(screen.getByTestId('payee-bank-name').textContent).toBe('Agribank');

    fireEvent.change(screen.getByTestId('payee-bin'), { target: { value: '97043' } });
    fireEvent.click(screen.getByTestId('payee-save'));
    expect(screen.getByTestId('payee-error').textContent).toBe('Mã ngân hàng gồm 6 chữ số.');

    fireEvent.change(screen.getByTestId('payee-bin'), { target: { value: '970436' } });
    fireEvent.change(screen.getByTestId('payee-number'), { target: { value: ' 0123456789 ' } });
    fireEvent.change(screen.getByTestId('payee-name'), { target: { value: 'UBND XA VO NHAI' } });
    fireEvent.click(screen.getByTestId('payee-save'));
    await screen.findByTestId('payee-saved');
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ bankBin: '970436', accountNumber: '0123456789', accountName: 'UBND XA VO NHAI' });
  });

  it("words the server's refusal", async () => {
    fakeApi({
      'GET /api/units': () => UNITS,
      'GET /api/holidays': () => ({ holidays: [] }),
      [`GET ${PATH}`]: () => ({ unitCode: '05716', payee: null }),
      [`PUT ${PATH}`]: () => json(403, { error: 'csrf', message: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.' }),
    });
    render(<PayeeScreen />);
    await screen.findByRole('option', { name: 'Xã Võ Nhai' });
    fireEvent.change(screen.getByTestId('payee-unit'), { target: { value: '05716' } });
    await waitFor(() => expect(screen.getByTestId('payee-save')).toHaveProperty('disabled', false));
    fireEvent.change(screen.getByTestId('payee-bin'), { target: { value: '970436' } });
    fireEvent.change(screen.getByTestId('payee-number'), { target: { value: '0123456789' } });
    fireEvent.change(screen.getByTestId('payee-name'), { target: { value: 'UBND XA VO NHAI' } });
    fireEvent.click(screen.getByTestId('payee-save'));
    expect((await screen.findByTestId('payee-error')).textContent).toBe('Phiên làm việc không hợp lệ. Vui lòng tải lại trang.');
  });
});
