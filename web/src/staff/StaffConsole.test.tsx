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

const SESSION = { user: user('officer'), csrfToken: 'csrf-9' };
const common = { 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/dossiers': () => ({ items: [] }) };

async function signIn(password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'demo.officer' } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('signing in and out', () => {
  it('asks who is signed in on open, shows the login when nobody is, and words the failures', async () => {
    let attempts = 0;
    fakeApi({
      ...common,
      'GET /api/staff/me': () => json(401, { error: 'unauthenticated', message: 'Chưa đăng nhập.' }),
      'POST /api/staff/login': () => {
        attempts++;
        if (attempts === 1) return json(401, { error: 'bad_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
        if (attempts === 2) return json(429, { error: 'rate_limited', message: 'Quá nhiều lần.' });
        return SESSION;
      },
    });
    render(<StaffConsole />);
    await signIn('sai');
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra chữ hoa, chữ thường và thử lại.',
    );
    await signIn('sai nữa');
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('Đã nhập sai quá nhiều lần. Hãy thử lại sau vài phút.'));
    await signIn('demo1234');
    const who = await screen.findByTestId('staff-who');
    await waitFor(() => expect(who.textContent).toBe('Demo officerCán bộ một cửa · Xã Võ Nhai'));
  });

  it('keeps the session it finds, sends the CSRF token on sign-out, and shows the login again', async () => {
    const api = fakeApi({ ...common, 'GET /api/staff/me': () => SESSION, 'POST /api/staff/logout': () => new Response(null, { status: 204 }) });
    render(<StaffConsole />);
    fireEvent.click(await screen.findByTestId('logout'));
    await screen.findByTestId('staff-login');
    const out = api.calls.find((c) => c.url.pathname === '/api/staff/logout')!;
    expect(out.headers['x-csrf-token']).toBe('csrf-9');
  });

  it('shows the login with a note when the session ends during work', async () => {
    fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/me': () => SESSION,
      'GET /api/staff/dossiers': () => json(401, { error: 'unauthenticated', message: 'Chưa đăng nhập.' }),
    });
    render(<StaffConsole />);
    await screen.findByTestId('staff-login');
    expect(screen.getByText('Phiên làm việc đã hết hạn. Hãy đăng nhập lại.')).toBeTruthy();
  });
});
