// The desk, end to end in Chromium against the built app and the real server (demo accounts):
// a citizen sends a dossier from the phone app; an officer signs in on a desk PC, finds it,
// sees the pictures and the "bytes verified" marks, asks for a supplement (Mẫu 02) and prints
// it; the phone shows the request and the person adds a clear photo there; the officer accepts
// (Mẫu 01), processes, finishes with a result file and returns it; the phone shows the result. Every staff screen is
// photographed at 1280×800 and 768×1024 (DESK_SHOTS, default <tmp>/hsc-desk-shots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { DESK, SHOTS, shoot, StaffConsole } from './staff-console.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');


describe('the desk in Chromium', () => {
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

  it('receives a dossier from the citizen app, asks for a supplement, accepts, finishes and returns the result', async () => {
    // The citizen, on the phone.
    const phone = await browser.newContext(PHONE);
    const citizen = new CitizenApp(await phone.newPage(), server.url);
    await citizen.open();
    const id = await citizen.sendSignatureDossier(11);
    const code = (await citizen.byTestId('receipt-code').textContent())!.trim();

    // The officer, on the desk PC: signs in, finds the dossier by the citizen's name.
    const desk = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const officer = new StaffConsole(await desk.newPage(), server.url);
    await officer.page.goto(`${server.url}/staff`);
    await officer.byTestId('login-username').waitFor();
    await shoot(officer.page, '01-login');
    await officer.signIn('demo.officer');
    await expect.poll(() => officer.byTestId('staff-who').textContent()).toContain('Xã Võ Nhai');
    await officer.queueItem(code).waitFor();
    expect(await officer.queueItem(code).getByTestId('deadline-badge').textContent()).toMatch(/^(Còn \d+ ngày|Đến hạn)$/);
    await shoot(officer.page, '02-queue');
    await officer.search('hoang thi lan');
    await officer.queueItem(code).click();

    // The dossier: both pictures arrive and were re-hashed by the server.
    await officer.waitForStatus('registered');
    expect(await officer.byTestId('dossier-code').textContent()).toBe(code);
    expect(await officer.imagesLoaded()).toBe(2);
    expect(await officer.page.locator('[data-testid="doc-page"][data-verified="true"]').count()).toBe(2);
    expect(await officer.byTestId('verified').first().textContent()).toBe('Đã kiểm tra đủ byte ✓');
    expect(await officer.byTestId('field-documentName').textContent()).toContain('Giấy ủy quyền');
    await shoot(officer.page, '03-dossier');
    await officer.byTestId('doc-image').first().click();
    await officer.byTestId('zoom-dialog').waitFor();
    await officer.byTestId('zoom-in').click();
    await shoot(officer.page, '04-zoom', false);
    await officer.byTestId('zoom-close').click();

    // Mẫu 02: the ID photo is unreadable.
    await officer.startAction('request_supplement');
    await officer.byTestId('supp-slot-idCard').check();
    await officer.byTestId('supp-reason-idCard').fill('Ảnh căn cước bị mờ, không đọc được số');
    await shoot(officer.page, '05-supplement-form');
    await officer.submitAction();
    await officer.waitForDone('request_supplement');
    await officer.waitForStatus('supplement_requested');
    await officer.byTestId('print-issued').click();
    await officer.waitForForm('02');
    expect(await officer.byTestId('form-02').textContent()).toContain('Ảnh căn cước bị mờ, không đọc được số');
    expect(await officer.byTestId('form-code').textContent()).toBe(code);
    await shoot(officer.page, '06-form-02');
    await officer.page.emulateMedia({ media: 'print' });
    await officer.page.screenshot({ path: join(SHOTS, '06-form-02-print.png'), fullPage: true });
    await officer.page.emulateMedia({ media: 'screen' });

    // On the phone: the request, item by item with the officer's reason; a clear photo is sent.
    await citizen.nextSync(id);
    await citizen.byTestId('supplement-panel').waitFor({ timeout: 30_000 });
    expect(await citizen.byTestId('supplement-item').textContent()).toContain('Ảnh căn cước bị mờ, không đọc được số');
    await citizen.byTestId('supplement-start').click();
    await citizen.attach('idCard', 'can-cuoc-ro.png', makePng(640, 400, 13));
    await citizen.byTestId('supplement-send').click();
    await citizen.byTestId('supplement-sent').waitFor({ timeout: 60_000 });

    // Back at the desk: the dossier is new again, with version 2 of the ID card; accept it.
    await officer.page.goBack();
    await officer.waitForStatus('registered');
    expect(await officer.byTestId('supplement').textContent()).toContain('Công dân đã bổ sung');
    expect(await officer.page.locator('[data-testid="doc-page"][data-version="2"][data-verified="true"]').count()).toBe(1);
    await officer.startAction('accept');
    await officer.submitAction();
    await officer.waitForStatus('accepted');
    await officer.byTestId('print-issued').click();
    await officer.waitForForm('01');
    expect(await officer.byTestId('form-applicant').textContent()).toContain('Hoàng Thị Lan');
    await shoot(officer.page, '07-form-01');
    await officer.page.goBack();

    await officer.startAction('start_processing');
    await officer.submitAction();
    await officer.waitForStatus('processing');
    await officer.startAction('finish');
    await officer.byTestId('finish-file').setInputFiles({ name: 'giay-chung-thuc.pdf', mimeType: 'application/pdf', buffer: PDF });
    await officer.byTestId('finish-uploaded').waitFor();
    await shoot(officer.page, '08-finish-form');
    await officer.submitAction();
    await officer.waitForStatus('processed');
    expect(await officer.byTestId('result').textContent()).toContain('giay-chung-thuc.pdf');
    await officer.startAction('return_result');
    await officer.submitAction();
    await officer.byTestId('confirm-yes').click();
    await officer.waitForStatus('returned');
    await shoot(officer.page, '09-returned');

    // The figures, as the unit's leader sees them.
    const leaderCtx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const leader = new StaffConsole(await leaderCtx.newPage(), server.url);
    await leader.signIn('demo.leader');
    await leader.byTestId('nav-reports').click();
    await leader.byTestId('report-months').waitFor();
    expect(await leader.byTestId('report-total').textContent()).toMatch(/^Cộng1/);
    await shoot(leader.page, '10-reports');

    // The province viewer sees every unit, and reads only.
    const provinceCtx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const province = new StaffConsole(await provinceCtx.newPage(), server.url);
    await province.signIn('demo.province');
    await province.openTab('all');
    await province.queueItem(code).click();
    await province.byTestId('read-only').waitFor();
    await shoot(province.page, '11-province-dossier');

    // The phone learns the outcome at its next sync.
    await citizen.nextSync(id);
    await citizen.byTestId('result-panel').waitFor({ timeout: 30_000 });
    await expect.poll(() => citizen.byTestId('timeline').textContent()).toContain('Đã trả kết quả');
    await citizen.page.screenshot({ path: join(SHOTS, '12-citizen-returned.png'), fullPage: true });
  });
});
