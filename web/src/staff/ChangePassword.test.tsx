import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../test-utils/fixtures.ts';
import { fakeApi, json, setupStaffTest, user } from './test/fixtures.ts';
import StaffConsole from './StaffConsole.tsx';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  history.replaceState(null, '', '/staff');
});
afterEach(() => vi.unstubAllGlobals());

const RESET = { user: { ...user('officer'), mustChangePassword: true }, csrfToken: 'csrf-1' };

describe('the forced password change after a reset', () => {
  it('comes before anything else, checks the two entries, words a wrong temporary password, then opens the console', async () => {
    let tries = 0;
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': () => ({ items: [] }),
      'GET /api/staff/me': () => RESET,
      'POST /api/staff/password': () =>
        ++tries === 1 ? json(400, { error: 'wrong_password', message: 'Mật khẩu hiện tại không đúng.' }) : { user: user('officer'), csrfToken: 'csrf-1' },
    });
    render(<StaffConsole />);
    await screen.findByTestId('password-change');
    expect(screen.queryByTestId('staff-who')).toBeNull();
    expect(api.calls.some((c) => c.url.pathname === '/api/staff/dossiers')).toBe(false);
    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'k7m2p9qrst' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'mat-khau-moi' } });
    fireEvent.change(screen.getByTestId('password-again'), { target: { value: 'mat-khau-khac' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(screen.getByTestId('password-error').textContent).toBe('Hai lần nhập mật khẩu mới không giống nhau.');
    fireEvent.change(screen.getByTestId('password-again'), { target: { value: 'mat-khau-moi' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect((await screen.findByTestId('password-error')).textContent).toBe('Mật khẩu hiện tại không đúng.');
    fireEvent.click(screen.getByTestId('password-submit'));
    await screen.findByTestId('staff-who');
    const change = api.calls.filter((c) => c.url.pathname === '/api/staff/password');
    expect(change[1]!.body).toEqual({ currentPassword: 'k7m2p9qrst', newPassword: 'mat-khau-moi' });
    expect(change[1]!.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('says how many minutes a locked-out sign-in waits, as the server words it', async () => {
    fakeApi({
      'GET /api/staff/me': () => json(401, { error: 'unauthenticated', message: '' }),
      'POST /api/staff/login': () => json(429, { error: 'rate_limited', message: 'Bạn đã thử sai quá nhiều lần. Hãy thử lại sau 11 phút.' }),
    });
    render(<StaffConsole />);
    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'demo.officer' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('Bạn đã thử sai quá nhiều lần. Hãy thử lại sau 11 phút.'));
  });
});
