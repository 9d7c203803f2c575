// A refusal told in words, end to end in Chromium: the citizen app sends a dossier; an officer
// refuses it in the console with two reasons (Mẫu 03); the phone syncs once, then, offline,
// shows both reasons on the dossier and in its timeline, with what to do next; /tra-cuu, a page
// without script, shows them too.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { DESK, StaffConsole } from './staff-console.ts';

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
});
