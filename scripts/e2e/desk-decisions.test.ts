// The desk's other decisions in Chromium, on dossiers sent through the API: the leader takes a
// fee, apologises and reschedules once (Mẫu 04), then stops processing; an officer refuses a
// dossier with reasons (Mẫu 03); the console in English. Screenshots as in desk.test.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendar, nextWorkingDay, VN_HOLIDAYS, vnLocal } from '@hsc/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { sendDossierByApi } from './desk-api.ts';
import { DESK, SHOTS, shoot, StaffConsole } from './staff-console.ts';

describe('the desk’s other decisions in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const marital = (fullName: string) =>
    sendDossierByApi(server.url, {
      procedureCode: '1.004873',
      unitCode: '05716',
      fullName,
      fields: { currentStatus: 'single', purpose: 'Kết hôn' },
      pages: { declaration: makePng(500, 700, 21), idCard: makePng(640, 400, 22) },
    });

  it('takes a fee, reschedules once with Mẫu 04, stops; refuses another with Mẫu 03', async () => {
    const late = await marital('Ma Thị Hồng');
    const wrong = await marital('Triệu Văn Sáng');
    const ctx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const leader = new StaffConsole(await ctx.newPage(), server.url);
    await leader.signIn('demo.leader');

    // The fee, then the apology with a later working day.
    await leader.queueItem(late.code).click();
    await leader.waitForStatus('registered');
    await leader.startAction('accept');
    await leader.submitAction();
    await leader.waitForStatus('accepted');
    await leader.startAction('start_processing');
    await leader.submitAction();
    await leader.waitForStatus('processing');
    await leader.startAction('request_payment');
    await leader.byTestId('payment-amount').fill('50.000');
    await leader.byTestId('payment-note').fill('Lệ phí xác nhận tình trạng hôn nhân');
    await leader.submitAction();
    await leader.waitForStatus('financial_requested');
    expect(await leader.page.locator('.sfacts').first().textContent()).toContain('50.000 đ');
    await leader.startAction('payment_received');
    await leader.submitAction();
    await leader.waitForStatus('processing');

    const cal = calendar(VN_HOLIDAYS);
    const newDay = nextWorkingDay(nextWorkingDay(vnLocal(new Date(late.dueAt)).date, cal), cal);
    await leader.startAction('reschedule');
    await leader.byTestId('reschedule-date').fill(newDay);
    await leader.byTestId('reschedule-reason').fill('Cần xác minh thêm tại nơi cư trú trước đây');
    await leader.submitAction();
    await leader.byTestId('confirm-yes').click();
    await leader.waitForDone('reschedule');
    expect(await leader.byTestId('dossier-due').textContent()).toContain(`17:00 ${newDay.split('-').reverse().join('/')}`);
    await leader.byTestId('print-issued').click();
    await leader.waitForForm('04');
    expect(await leader.byTestId('form-new-due').textContent()).toContain(newDay.split('-').reverse().join('/'));
    await shoot(leader.page, '21-form-04');
    await leader.page.goBack();
    await leader.waitForStatus('processing');
    expect(await leader.byTestId('unavailable-reschedule').textContent()).toContain('đã được hẹn lại một lần');

    await leader.startAction('stop');
    await leader.byTestId('stop-reason').fill('Công dân không đến bổ sung xác minh');
    await leader.submitAction();
    await leader.byTestId('confirm-yes').click();
    await leader.waitForStatus('stopped');
    await shoot(leader.page, '22-stopped');

    // Refused with two reasons, at the desk's first look.
    await leader.page.goBack();
    await leader.queueItem(wrong.code).click();
    await leader.waitForStatus('registered');
    await leader.startAction('refuse');
    await leader.byTestId('refuse-reason-0').fill('Người yêu cầu không cư trú tại xã Võ Nhai');
    await leader.page.getByRole('button', { name: 'Thêm lý do' }).click();
    await leader.byTestId('refuse-reason-1').fill('Đề nghị nộp tại nơi thường trú');
    await shoot(leader.page, '23-refuse-form');
    await leader.submitAction();
    await leader.byTestId('confirm-yes').click();
    await leader.waitForStatus('refused');
    await leader.byTestId('print-issued').click();
    await leader.waitForForm('03');
    expect(await leader.byTestId('form-reasons').textContent()).toContain('Đề nghị nộp tại nơi thường trú');
    await shoot(leader.page, '24-form-03');

    // The console in English; the printed form stays Vietnamese.
    await leader.byTestId('lang-en').click();
    await leader.byTestId('print').getByText('Print').waitFor();
    expect(await leader.byTestId('form-03').textContent()).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    await leader.byTestId('nav-queue').click();
    await leader.openTab('closed');
    await leader.queueItem(late.code).waitFor();
    expect(await leader.queueItem(late.code).getByTestId('status-chip').textContent()).toBe('Processing stopped');
    await shoot(leader.page, '25-queue-en');
    await leader.byTestId('lang-vi').click();
    await leader.byTestId('logout').click();
    await leader.byTestId('staff-login').waitFor();
  });

  it('shows a wrong password in plain words', async () => {
    const ctx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const page = await ctx.newPage();
    const desk = new StaffConsole(page, server.url);
    await page.goto(`${server.url}/staff`);
    await desk.byTestId('login-username').fill('demo.officer');
    await desk.byTestId('login-password').fill('sai-mat-khau');
    await desk.byTestId('login-submit').click();
    expect(await desk.byTestId('login-error').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.screenshot({ path: join(SHOTS, '20-login-error-1280.png') });
  });

  it('keeps two open queues live: a dossier sent meanwhile shows in both within 5 s, marked new, with no reload', async () => {
    const consoles = [];
    for (const who of ['demo.officer', 'demo.leader']) {
      const desk = new StaffConsole(await (await browser.newContext({ viewport: DESK, locale: 'vi-VN' })).newPage(), server.url);
      // The console has read how the queue stands before the dossier is sent.
      const polled = desk.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/staff/queue' && r.status() === 200);
      await desk.signIn(who);
      await polled;
      // A mark that a reload would wipe.
      await desk.page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
      consoles.push(desk);
    }
    const sent = await marital('Đinh Thị Xuân');
    const at = Date.now();
    for (const desk of consoles) {
      const item = desk.queueItem(sent.code);
      await item.waitFor({ timeout: 5_000 });
      expect(await item.getAttribute('data-new')).toBe('true');
      expect(await desk.page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    }
    expect(Date.now() - at).toBeLessThan(5_000);
    await shoot(consoles[0]!.page, '26-queue-live');
    for (const desk of consoles) await desk.page.context().close();
  });
});
