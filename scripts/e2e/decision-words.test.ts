// Decisions told in words, end to end in Chromium. A refusal: an officer refuses a dossier sent
// from the app with two reasons (Mẫu 03); the phone syncs once, then, offline, shows both
// reasons on the dossier and in its timeline, with what to do next; /tra-cuu, a page without
// script, shows them too. A fee: the officer asks for it; the phone shows the VietQR code; the
// person attaches a photo of the transfer while offline; it reaches the officer once the phone
// is online again; the officer marks the fee paid and the phone says so.
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { DESK, SHOTS, StaffConsole } from './staff-console.ts';

const REASONS = ['Người yêu cầu không cư trú tại xã Võ Nhai', 'Đề nghị nộp tại nơi thường trú'];

describe('a refusal in words, from the console to an offline phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
    phone = await newPhoneContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer refuses with two reasons; the phone, offline after one sync, shows both', async () => {
    const page = await phone.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.waitUntilOfflineReady();
    const id = await app.sendSignatureDossier(31);
    const code = (await app.byTestId('receipt-code').textContent())!.trim();
    const lookup = (await app.byTestId('receipt-lookup').textContent())!.trim();

    const desk = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const officer = new StaffConsole(await desk.newPage(), server.url);
    await officer.signIn('demo.officer');
    await officer.queueItem(code).click();
    await officer.waitForStatus('registered');
    await officer.startAction('refuse');
    await officer.byTestId('refuse-reason-0').fill(REASONS[0]!);
    await officer.page.getByRole('button', { name: 'Thêm lý do' }).click();
    await officer.byTestId('refuse-reason-1').fill(REASONS[1]!);
    await officer.submitAction();
    await officer.byTestId('confirm-yes').click();
    await officer.waitForStatus('refused');
    await desk.close();

    // One sync, then no network: what the phone shows comes from what it kept.
    await app.nextSync(id);
    await app.byTestId('decision-panel').waitFor({ timeout: 30_000 });
    await phone.setOffline(true);
    await app.open(`/dossiers/${id}`);
    const panel = app.byTestId('decision-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Xã đã từ chối nhận hồ sơ vì:');
    expect(await app.byTestId('decision-reasons').locator('li').allTextContents()).toEqual(REASONS);
    expect(await panel.textContent()).toContain('Việc bạn cần làm:');
    const timeline = (await app.byTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('Không tiếp nhận');
    expect(timeline).toContain(REASONS.join('; '));
    await phone.setOffline(false);

    // Anyone with the two codes, in any browser: the same reasons on /tra-cuu.
    const other = await browser.newPage({ javaScriptEnabled: false });
    await other.goto(`${server.url}/tra-cuu`);
    await other.locator('#ma').fill(code);
    await other.locator('#tra').fill(lookup);
    await other.locator('button[type=submit]').click();
    const box = other.locator('[data-decision="refused"]');
    await box.waitFor();
    const words = (await box.textContent()) ?? '';
    expect(words).toContain('Xã đã từ chối nhận hồ sơ vì:');
    for (const r of REASONS) expect(words).toContain(r);
    await other.close();
  });

  it('a fee asked in the console is shown as a QR code; a transfer photo taken offline reaches the officer, who marks the fee paid', async () => {
    const page = await phone.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.waitUntilOfflineReady();
    const id = await app.sendSignatureDossier(41);
    const code = (await app.byTestId('receipt-code').textContent())!.trim();

    const desk = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const officer = new StaffConsole(await desk.newPage(), server.url);
    await officer.signIn('demo.officer');
    await officer.queueItem(code).click();
    await officer.waitForStatus('registered');
    for (const action of ['accept', 'start_processing'] as const) {
      await officer.startAction(action);
      await officer.submitAction();
      await officer.waitForStatus(action === 'accept' ? 'accepted' : 'processing');
    }
    await officer.startAction('request_payment');
    await officer.byTestId('payment-amount').fill('50.000');
    await officer.byTestId('payment-note').fill('Lệ phí chứng thực');
    await officer.submitAction();
    await officer.waitForStatus('financial_requested');

    // The phone learns of the fee at its next sync: the amount and the commune's VietQR code.
    await app.nextSync(id);
    await app.byTestId('payment-panel').waitFor({ timeout: 30_000 });
    expect(await app.byTestId('payment-amount').textContent()).toBe('Số tiền: 50.000 đồng');
    expect(await app.byTestId('payment-qr').getAttribute('data-payload')).toMatch(/^000201/);

    // Paid in the banking app, then a screenshot attached with no network: kept, waiting.
    await phone.setOffline(true);
    await app.byTestId('proof-input').setInputFiles({ name: 'Screenshot_bank.png', mimeType: 'image/png', buffer: makePng(720, 1280, 42) });
    await app.byTestId('proof-waiting').waitFor();
    await phone.setOffline(false);
    await app.byTestId('proof-received').waitFor({ timeout: 60_000 });
    await app.byTestId('payment-panel').screenshot({ path: join(SHOTS, 'phone-fee-proof.png') });

    // The officer sees the photo with the dossier, opens it, and marks the fee paid.
    await officer.page.reload();
    await officer.waitForStatus('financial_requested');
    const link = officer.byTestId('dossier-payment-proof').locator('a');
    const photo = await desk.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
    expect(photo.status()).toBe(200);
    expect(photo.headers()['content-type']).toMatch(/^image\//);
    await officer.startAction('payment_received');
    await officer.submitAction();
    await officer.waitForStatus('processing');
    expect(await officer.byTestId('dossier-paid').textContent()).toContain('50.000');
    await desk.close();

    await app.nextSync(id);
    expect(await app.byTestId('payment-paid').textContent({ timeout: 30_000 })).toContain('Xã đã nhận 50.000 đồng tiền phí');
  });
});
