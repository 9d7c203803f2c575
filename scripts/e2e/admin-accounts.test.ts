// The administrator's desk tools in Chromium: a password reset handed over, the forced change
// at the next sign-in, a lockout whose message says the minutes left and that the admin lifts,
// an account disabled (its open console is signed out), the audit log, and the leader's day.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { DESK, StaffConsole } from './staff-console.ts';

describe('administration of a busy desk in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const console_ = async () => new StaffConsole(await (await browser.newContext({ viewport: DESK, locale: 'vi-VN' })).newPage(), server.url);

  it('reset → forced change → lockout with minutes → unlock → disable → audit', async () => {
    const admin = await console_();
    await admin.signIn('demo.admin');
    await admin.byTestId('nav-accounts').click();
    await admin.byTestId('account-demo.officer2').waitFor();

    // The reset: a temporary password shown once.
    admin.page.once('dialog', (d) => void d.accept());
    await admin.byTestId('account-reset-demo.officer2').click();
    const temp = (await admin.byTestId('accounts-temp-password').textContent())!;
    expect(temp).toMatch(/^[a-z2-9]{10}$/);

    // The officer signs in with it and must choose a new password before anything else.
    const officer = await console_();
    await officer.page.goto(`${server.url}/staff`);
    await officer.byTestId('login-username').fill('demo.officer2');
    await officer.byTestId('login-password').fill(temp);
    await officer.byTestId('login-submit').click();
    await officer.byTestId('password-change').waitFor();
    expect(await officer.byTestId('staff-who').count()).toBe(0);
    await officer.byTestId('password-current').fill(temp);
    await officer.byTestId('password-new').fill('mat-khau-moi-2');
    await officer.byTestId('password-again').fill('mat-khau-moi-2');
    await officer.byTestId('password-submit').click();
    await officer.byTestId('staff-who').waitFor();

    // Five wrong passwords: the sixth attempt is told how many minutes to wait.
    const stranger = await console_();
    await stranger.page.goto(`${server.url}/staff`);
    for (let i = 0; i < 6; i++) {
      await stranger.byTestId('login-username').fill('demo.officer2');
      await stranger.byTestId('login-password').fill(`sai-${i}`);
      await stranger.byTestId('login-submit').click();
      await stranger.byTestId('login-error').waitFor();
      await stranger.page.waitForFunction(() => !(document.querySelector('[data-testid="login-submit"]') as HTMLButtonElement).disabled);
    }
    expect(await stranger.byTestId('login-error').textContent()).toMatch(/^Bạn đã thử sai quá nhiều lần\. Hãy thử lại sau 1[45] phút\.$/);

    // The admin sees the lockout and lifts it.
    await admin.page.reload();
    await admin.byTestId('unlock-user-demo.officer2').click();
    await admin.byTestId('lockouts-none').waitFor();

    // Disabled: the officer's open console goes back to the login at its next request.
    admin.page.once('dialog', (d) => void d.accept());
    await admin.byTestId('account-toggle-demo.officer2').click();
    await admin.page.waitForFunction(() => document.querySelector('[data-testid="account-state-demo.officer2"]')?.textContent?.startsWith('Đã khóa'));
    await officer.page.reload();
    await officer.byTestId('staff-login').waitFor();

    // The audit log shows the reset, with who did it.
    await admin.byTestId('nav-audit').click();
    await admin.byTestId('audit-action').fill('staff_password_reset');
    await admin.byTestId('audit-apply').click();
    await admin.page.waitForFunction(() => document.querySelector('[data-testid="audit-line"]')?.textContent?.includes('Cấp lại mật khẩu'));
    expect(await admin.byTestId('audit-line').first().textContent()).toContain('Quản trị (demo)');
  });

  it("the leader's home starts with the unit's day, each figure a list", async () => {
    const leader = await console_();
    await leader.signIn('demo.leader');
    await leader.byTestId('daily').waitFor();
    await leader.page.waitForFunction(() => /^\d+/.test(document.querySelector('[data-testid="daily-overdue"]')?.textContent ?? ''));
    await leader.byTestId('daily-received_today').click();
    await leader.byTestId('daily-list').waitFor();
    expect(leader.page.url()).toBe(`${server.url}/staff/today/received_today`);
  });
});
