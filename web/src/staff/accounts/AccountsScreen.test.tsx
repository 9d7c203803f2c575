import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StaffAccount } from '@hsc/shared/staff';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { AccountsScreen } from './AccountsScreen.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const UNITS = { units: [{ code: '05716', name: 'Xã Võ Nhai', type: 'commune', agencyId: 'H19.05716' }] };
const LAN: StaffAccount = { id: 'id-lan', username: 'lan.tt', displayName: 'Trần Thị Lan', role: 'officer', unitCode: '05716', createdAt: '2026-03-01T02:00:00.000Z', phone: '0208 3 111 222' };
const HUNG: StaffAccount = { id: 'id-hung', username: 'hung.nv', displayName: 'Nguyễn Văn Hùng', role: 'leader', unitCode: '05716', createdAt: '2026-03-01T02:00:00.000Z', disabledAt: '2026-03-09T03:00:00.000Z' };

function api(over: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  let staff = [LAN, HUNG];
  return fakeApi({
    'GET /api/units': () => UNITS,
    'GET /api/holidays': () => ({ holidays: [] }),
    'GET /api/admin/staff': () => ({ staff }),
    'GET /api/admin/lockouts': () => ({ lockouts: [{ kind: 'user', value: 'lan.tt', failures: 5, until: '2026-03-10T02:15:00.000Z' }] }),
    'PATCH /api/admin/staff/id-lan': (_u, init) => {
      const b = JSON.parse(String(init!.body));
      staff = [{ ...LAN, phone: b.phone ?? undefined, specialist: b.specialist || undefined }, HUNG];
      return staff[0];
    },
    'POST /api/admin/staff/id-lan/disable': () => (staff = [{ ...LAN, disabledAt: '2026-03-10T02:00:00.000Z' }, HUNG])[0],
    'POST /api/admin/staff/id-hung/enable': () => (staff = [LAN, { ...HUNG, disabledAt: undefined }])[1],
    'POST /api/admin/staff/id-lan/reset-password': () => ({ account: { ...LAN, mustChangePassword: true }, temporaryPassword: 'k7m2p9qrst' }),
    'POST /api/admin/unlock': () => new Response(null, { status: 204 }),
    'POST /api/admin/staff': (_u, init) => ({ ...JSON.parse(String(init!.body)), id: 'id-new', createdAt: '2026-03-10T02:00:00.000Z' }),
    ...over,
  });
}

describe('the administrator manages staff accounts', () => {
  it('lists the accounts with role, unit, specialist, phone and state', async () => {
    api();
    render(<AccountsScreen />);
    const lan = await screen.findByTestId('account-lan.tt');
    expect(lan.textContent).toContain('Trần Thị Lan');
    expect(lan.textContent).toContain('Cán bộ một cửa');
    await waitFor(() => expect(lan.textContent).toContain('Xã Võ Nhai'));
    expect(lan.textContent).toContain('0208 3 111 222');
    expect(screen.getByTestId('account-state-lan.tt').textContent).toBe('Đang dùng');
    expect(screen.getByTestId('account-state-hung.nv').textContent).toBe('Đã khóa từ 10:00 09/03/2026');
    expect(screen.getByTestId('account-toggle-hung.nv').textContent).toBe('Mở lại');
  });

  it('edits the desk phone and the specialist flag', async () => {
    const a = api();
    render(<AccountsScreen />);
    fireEvent.click(await screen.findByTestId('account-edit-lan.tt'));
    fireEvent.change(screen.getByTestId('account-phone'), { target: { value: ' 0208 3 999 000 ' } });
    fireEvent.click(screen.getByTestId('account-specialist'));
    fireEvent.click(screen.getByTestId('account-save'));
    expect((await screen.findByTestId('accounts-done')).textContent).toBe('Đã lưu tài khoản Trần Thị Lan.');
    expect(a.calls.find((c) => c.method === 'PATCH')!.body).toEqual({ phone: '0208 3 999 000', specialist: true });
    await waitFor(() => expect(screen.getByTestId('account-lan.tt').textContent).toContain('0208 3 999 000'));
  });

  it('disables after a confirmation, and enables again', async () => {
    const a = api();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<AccountsScreen />);
    fireEvent.click(await screen.findByTestId('account-toggle-lan.tt'));
    expect(confirm).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('account-state-lan.tt').textContent).toBe('Đã khóa từ 09:00 10/03/2026'));
    fireEvent.click(screen.getByTestId('account-toggle-hung.nv'));
    await waitFor(() => expect(screen.getByTestId('account-state-hung.nv').textContent).toBe('Đang dùng'));
    expect(a.calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/admin/staff/id-lan/disable', '/api/admin/staff/id-hung/enable']);
    confirm.mockRestore();
  });

  it('resets a password and shows the temporary one once', async () => {
    api();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<AccountsScreen />);
    fireEvent.click(await screen.findByTestId('account-reset-lan.tt'));
    expect((await screen.findByTestId('accounts-temp-password')).textContent).toBe('k7m2p9qrst');
    expect(screen.getByTestId('accounts-temp').textContent).toContain('lan.tt');
    fireEvent.click(within(screen.getByTestId('accounts-temp')).getByRole('button'));
    expect(screen.queryByTestId('accounts-temp')).toBeNull();
    confirm.mockRestore();
  });

  it('creates an account, checking the form first; words a taken username', async () => {
    const a = api({ 'POST /api/admin/staff': () => json(409, { error: 'username_taken', message: 'Tên đăng nhập này đã có người dùng.' }) });
    render(<AccountsScreen />);
    await screen.findByRole('option', { name: 'Xã Võ Nhai' });
    fireEvent.change(screen.getByTestId('create-username'), { target: { value: 'Minh.V' } });
    fireEvent.change(screen.getByTestId('create-name'), { target: { value: 'Vũ Minh' } });
    fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByTestId('create-problem').textContent).toBe('Cán bộ và lãnh đạo cần có đơn vị.');
    fireEvent.change(screen.getByTestId('create-unit'), { target: { value: '05716' } });
    fireEvent.change(screen.getByTestId('create-password'), { target: { value: 'ngan' } });
    fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByTestId('create-problem').textContent).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    fireEvent.change(screen.getByTestId('create-password'), { target: { value: 'mat-khau-dai' } });
    fireEvent.click(screen.getByTestId('create-specialist'));
    fireEvent.click(screen.getByTestId('create-submit'));
    expect((await screen.findByTestId('accounts-error')).textContent).toBe('Tên đăng nhập này đã có người dùng.');
    expect(a.calls.find((c) => c.method === 'POST')!.body).toEqual({ username: 'minh.v', displayName: 'Vũ Minh', role: 'officer', unitCode: '05716', password: 'mat-khau-dai', specialist: true });
  });

  it('lists the lockouts and lifts one, or one typed in', async () => {
    const a = api();
    render(<AccountsScreen />);
    expect((await screen.findByTestId('lockout-user-lan.tt')).textContent).toContain('sai 5 lần, khóa đến 09:15 10/03/2026');
    fireEvent.click(screen.getByTestId('unlock-user-lan.tt'));
    expect((await screen.findByTestId('accounts-done')).textContent).toBe('Đã mở khóa đăng nhập cho lan.tt.');
    fireEvent.change(screen.getByTestId('unlock-kind'), { target: { value: 'ip' } });
    fireEvent.change(screen.getByTestId('unlock-value'), { target: { value: ' 10.0.0.7 ' } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(a.calls.filter((c) => c.url.pathname === '/api/admin/unlock').map((c) => c.body)).toEqual([{ kind: 'user', value: 'lan.tt' }, { kind: 'ip', value: '10.0.0.7' }]));
  });
});
