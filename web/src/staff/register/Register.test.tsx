import type { RegisterResponse } from '@hsc/shared/register';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, FORM_01, setupStaffTest, user } from '../test/fixtures.ts';
import { ReceiptBatch } from './ReceiptBatch.tsx';
import { Register } from './Register.tsx';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

const REGISTER: RegisterResponse = {
  period: '2026-03-10',
  unit: '05716',
  unitName: 'Xã Võ Nhai',
  rows: [
    {
      no: 1,
      dossierId: 'd1',
      code: 'H19.05716-260310-0001',
      unitCode: '05716',
      procedureCode: '1.004873',
      procedureName: 'Cấp giấy xác nhận tình trạng hôn nhân',
      channel: 'desk',
      applicantName: 'Hoàng Thị Ngọc Ánh',
      address: 'Thôn Nà Mò, xã Võ Nhai',
      phone: '0912345678',
      receivedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-13T10:00:00.000Z',
      receivedBy: 'Cán bộ một cửa (demo)',
      handedTo: 'Chuyên viên xã Võ Nhai (demo)',
      finishedAt: null,
      returnedAt: null,
      status: 'refused',
      rescheduled: true,
    },
  ],
};

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('the case register', () => {
  it('shows the day of the unit with the register’s columns, and links its XLSX, CSV and the day’s receipts', async () => {
    const api = fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/register': () => REGISTER });
    render(<Register user={user('officer')} now={new Date('2026-03-10T03:00:00Z')} />);
    const row = await screen.findByTestId('register-row');
    expect(cells(row)).toEqual([
      '1',
      'H19.05716-260310-0001',
      'Cấp giấy xác nhận tình trạng hôn nhân',
      'Hoàng Thị Ngọc Ánh',
      'Thôn Nà Mò, xã Võ Nhai; 0912345678',
      '09:00 10/03/2026',
      '17:00 13/03/2026',
      'Cán bộ một cửa (demo)',
      'Chuyên viên xã Võ Nhai (demo)',
      '',
      '',
      'Nộp tại quầy; Không tiếp nhận; Đã hẹn lại (Mẫu 04)',
    ]);
    expect(within(screen.getByTestId('register-sheet')).getByText('Ngày 10/03/2026')).toBeTruthy();
    expect(api.calls.find((c) => c.url.pathname === '/api/staff/register')!.url.search).toBe('?day=2026-03-10');
    expect(screen.getByTestId('register-xlsx').getAttribute('href')).toBe('/api/staff/register?day=2026-03-10&format=xlsx');
    expect(screen.getByTestId('register-csv').getAttribute('href')).toBe('/api/staff/register?day=2026-03-10&format=csv');
    expect(screen.getByTestId('register-receipts').getAttribute('href')).toBe('/staff/receipts/2026-03-10');
    // A month instead: no receipts link (they are printed per day).
    fireEvent.click(screen.getByTestId('register-by-month'));
    fireEvent.click(screen.getByTestId('register-show'));
    await waitFor(() => expect(api.calls.at(-1)!.url.search).toBe('?month=2026-03'));
    expect(screen.queryByTestId('register-receipts')).toBeNull();
    expect(screen.queryByTestId('register-unit')).toBeNull();
  });

  it('the province chooses a unit', async () => {
    const api = fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/register': () => ({ ...REGISTER, rows: [] }) });
    render(<Register user={user('province')} now={new Date('2026-03-10T03:00:00Z')} />);
    await screen.findByTestId('register-empty');
    fireEvent.change(screen.getByTestId('register-unit'), { target: { value: '05716' } });
    fireEvent.click(screen.getByTestId('register-show'));
    await waitFor(() => expect(api.calls.at(-1)!.url.searchParams.get('unit')).toBe('05716'));
    expect(screen.getByTestId('register-xlsx').getAttribute('href')).toBe('/api/staff/register?day=2026-03-10&unit=05716&format=xlsx');
  });
});

describe('the day’s receipts', () => {
  it('draws every stored Mẫu 01 of the day as its own sheet, with one print for all', async () => {
    const second = { ...FORM_01, id: 'f2', dossierCode: 'H19.05716-260310-0002' };
    fakeApi({ 'GET /api/staff/forms': (url) => ({ day: url.searchParams.get('day'), unit: '05716', forms: [FORM_01, second] }) });
    render(<ReceiptBatch day="2026-03-10" />);
    await waitFor(() => expect(screen.getAllByTestId('form-01')).toHaveLength(2));
    expect(screen.getByTestId('receipt-batch').dataset.count).toBe('2');
    expect(screen.getByTestId('receipts-print').textContent).toBe('In tất cả (2 phiếu)');
    expect(screen.getAllByTestId('form-code').map((c) => c.textContent)).toEqual([FORM_01.dossierCode, 'H19.05716-260310-0002']);
  });
});
