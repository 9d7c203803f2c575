// Every printed form fits one A5 sheet at its largest: real stored Mẫu 01-04 (issued through
// the API for dossiers with 8 documents, long names and addresses) are drawn by the console's
// print preview and printed to PDF by Chromium with the page size the CSS asks for; each PDF
// must have exactly one page, A5. Then the day's receipts print in one go, one to a sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendar, nextWorkingDay, VN_HOLIDAYS, vnInstant, vnLocal } from '@hsc/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { actForForm, EIGHT_SLOTS, LONG_ADDRESS, LONG_NAME, pdfPages, publishEightSlotProcedure, sendEightSlotDossier } from './print-fixtures.ts';
import { CitizenApp } from './citizen-app.ts';
import { signIn } from './staff-api.ts';
import { DESK, SHOTS, StaffConsole } from './staff-console.ts';

const A5_POINTS = { width: 419.5, height: 595.3 };

describe('printed forms fit one A5 sheet', () => {
  let server: RunningServer;
  let browser: Browser;
  const forms: Record<string, string> = {};
  const codes: string[] = [];
  let dossierFor05 = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
    await publishEightSlotProcedure(server.url);
    const officer = await signIn(server.url, 'demo.officer');
    const leader = await signIn(server.url, 'demo.leader');
    const [a, b, c, d] = [await sendEightSlotDossier(server.url, 1), await sendEightSlotDossier(server.url, 2), await sendEightSlotDossier(server.url, 3), await sendEightSlotDossier(server.url, 4)];
    codes.push(a.code, b.code, c.code, d.code);
    // 01: accepted with 8 document rows; 04: the same dossier rescheduled by the leader.
    forms['01'] = await actForForm(officer, a.id, { action: 'accept' });
    const dossier = (await (await officer.get(`/api/staff/dossiers/${a.id}`)).json()) as { dossier: { dueAt: string } };
    const cal = calendar(VN_HOLIDAYS);
    const later = nextWorkingDay(nextWorkingDay(vnLocal(new Date(dossier.dossier.dueAt)).date, cal), cal);
    forms['04'] = await actForForm(leader, a.id, {
      action: 'reschedule',
      newDueAt: vnInstant(later, 17 * 60).toISOString(),
      reason: 'Cần xác minh thêm thông tin về nơi cư trú trước đây của người yêu cầu tại Ủy ban nhân dân cấp xã nơi đã cư trú, do hồ sơ lưu trữ chưa đầy đủ',
    });
    // 02: all 8 documents asked again, each with a reason.
    forms['02'] = await actForForm(officer, b.id, {
      action: 'request_supplement',
      items: Array.from({ length: 8 }, (_, i) => ({ slot: `doc${i + 1}`, label: `Giấy tờ số ${i + 1} của hồ sơ`, reason: 'Ảnh chụp bị mờ, mất góc, không đọc được số và ngày cấp; đề nghị chụp lại rõ nét cả hai mặt' })),
    });
    // A second receipt of the day, for the batch print.
    await actForForm(officer, d.id, { action: 'accept' });
    // Mẫu 05 (read from the handover steps when printed): the desk hands d to the specialist, who
    // hands it on to the leader.
    dossierFor05 = d.id;
    const specialist = await signIn(server.url, 'demo.specialist');
    for (const [from, role] of [[officer, 'specialist'], [specialist, 'leader']] as const) {
      const detail = (await (await from.get(`/api/staff/dossiers/${d.id}`)).json()) as { dossier: { handover: { recipients: { id: string; role?: string; specialist?: boolean }[] } } };
      const to = detail.dossier.handover.recipients.find((r) => (role === 'leader' ? r.role === 'leader' : r.specialist))!;
      const res = await fetch(`${server.url}/api/staff/dossiers/${d.id}/handover`, {
        method: 'POST',
        headers: { cookie: from.cookie, 'x-csrf-token': from.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ to: to.id, note: 'Đề nghị thẩm định hồ sơ và trình ký trong ngày, kèm ý kiến về giấy tờ số 6' }),
      });
      expect(res.status, await res.text()).toBe(200);
    }
    // 03: refused with several reasons.
    forms['03'] = await actForForm(officer, c.id, {
      action: 'refuse',
      reasons: [
        'Người yêu cầu không cư trú tại xã Võ Nhai theo thông tin trong Cơ sở dữ liệu quốc gia về dân cư',
        'Đề nghị nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi người yêu cầu thường trú',
        'Tờ khai không có chữ ký của người yêu cầu và không ghi rõ mục đích sử dụng giấy xác nhận',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function printed(page: Page, name: string): Promise<Buffer> {
    // Print media, as window.print() lays it out; the size comes from @page.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, `${name}.pdf`), pdf);
    return pdf;
  }

  function mediaBoxes(pdf: Buffer): { width: number; height: number }[] {
    return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  }

  for (const kind of ['01', '02', '03', '04']) {
    it(`Mẫu ${kind} with 8 rows and long names prints on one A5 page`, async () => {
      const page = await (await browser.newContext({ viewport: DESK, locale: 'vi-VN' })).newPage();
      const desk = new StaffConsole(page, server.url);
      await desk.signIn('demo.officer');
      await page.goto(`${server.url}/staff/forms/${forms[kind]}`);
      await desk.waitForForm(kind);
      const sheet = desk.byTestId(`form-${kind}`);
      expect(await sheet.textContent()).toContain(LONG_NAME);
      expect(await sheet.textContent()).toContain(LONG_ADDRESS);
      if (kind === '01') expect(await desk.byTestId('form-documents').locator('tbody tr').count()).toBe(8);
      if (kind === '02') expect(await desk.byTestId('form-items').locator('tbody tr').count()).toBe(8);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SHOTS, `print-fit-${kind}.png`), fullPage: true });
      // Some room left at the foot of the sheet, so a font a little wider does not spill.
      const heightMm = await page.evaluate(() => (document.querySelector('.sheet')!.getBoundingClientRect().height / 96) * 25.4);
      expect(heightMm).toBeLessThan(209);
      const pdf = await printed(page, `print-fit-${kind}`);
      expect(pdfPages(pdf)).toBe(1);
      const [box] = mediaBoxes(pdf);
      expect(Math.abs(box!.width - A5_POINTS.width)).toBeLessThan(1);
      expect(Math.abs(box!.height - A5_POINTS.height)).toBeLessThan(1);
      await page.context().close();
    });
  }

  it('Mẫu 05 of a dossier with 8 documents, handed on twice, prints on one A5 page', async () => {
    const page = await (await browser.newContext({ viewport: DESK, locale: 'vi-VN' })).newPage();
    const desk = new StaffConsole(page, server.url);
    await desk.signIn('demo.leader');
    await page.goto(`${server.url}/staff/dossiers/${dossierFor05}/mau-05`);
    await desk.waitForForm('05');
    expect(await desk.byTestId('control-step').count()).toBe(3);
    expect(await desk.byTestId('form-05').textContent()).toContain(LONG_NAME);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'print-fit-05.png'), fullPage: true });
    const heightMm = await page.evaluate(() => (document.querySelector('.sheet')!.getBoundingClientRect().height / 96) * 25.4);
    expect(heightMm).toBeLessThan(209);
    const pdf = await printed(page, 'print-fit-05');
    expect(pdfPages(pdf)).toBe(1);
    const [box] = mediaBoxes(pdf);
    expect(Math.abs(box!.height - A5_POINTS.height)).toBeLessThan(1);
    await page.context().close();
  });

  it('prints the day’s receipts from the register in one go: one A5 sheet each', async () => {
    const page = await (await browser.newContext({ viewport: DESK, locale: 'vi-VN', acceptDownloads: true })).newPage();
    const desk = new StaffConsole(page, server.url);
    await desk.signIn('demo.officer');
    await desk.byTestId('nav-register').click();
    await page.locator('[data-testid="register-row"]').first().waitFor();
    expect(await page.locator('[data-testid="register-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(codes);
    expect(await desk.byTestId('register-table').textContent()).toContain(LONG_NAME);
    // The register on A4 landscape.
    const register = await printed(page, 'register-day');
    await page.screenshot({ path: join(SHOTS, 'register-day-print.png'), fullPage: true });
    const [box] = mediaBoxes(register);
    expect(Math.round(box!.width)).toBe(842);
    expect(Math.round(box!.height)).toBe(595);
    await page.emulateMedia({ media: 'screen' });
    // Its XLSX downloads under the server's name.
    const download = page.waitForEvent('download');
    await desk.byTestId('register-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/^so-theo-doi-ho-so-05716-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await desk.byTestId('register-receipts').click();
    await page.locator('[data-testid="receipt-batch"][data-count="2"]').waitFor();
    expect(await page.locator('[data-testid="form-01"]').count()).toBe(2);
    await page.locator('[data-testid="form-qr"] svg').nth(1).waitFor();
    const pdf = await printed(page, 'receipts-day');
    expect(pdfPages(pdf)).toBe(2);
    for (const b of mediaBoxes(pdf)) expect(Math.abs(b.width - A5_POINTS.width)).toBeLessThan(1);
    await page.context().close();
  });

  it('prints the walk-in receipt of 8 documents, long name and address, on one A5 page, and the desk\'s Mẫu 01 after it', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1, hasTouch: true, locale: 'vi-VN' });
    await context.addInitScript('globalThis.__name ??= (f) => f;');
    const page = await context.newPage();
    const desk = new CitizenApp(page, server.url);
    await desk.open('/staff/walkin');
    await desk.byTestId('login-username').fill('demo.officer');
    await desk.byTestId('login-password').fill('demo1234');
    await desk.byTestId('login-submit').click();
    await desk.byTestId('walkin-next').click();
    await desk.byTestId(`walkin-procedure-${EIGHT_SLOTS}`).click();
    await desk.fill('applicant.fullName', LONG_NAME);
    await desk.fill('applicant.phone', '0912345678');
    await desk.fill('applicant.citizenId', '019123456789');
    await desk.fill('applicant.address', LONG_ADDRESS);
    await desk.fill('fields.currentStatus', 'divorced');
    await desk.fill('fields.purpose', 'Để đăng ký kết hôn với công dân nước ngoài tại Sở Tư pháp tỉnh Thái Nguyên');
    for (let i = 1; i <= 8; i++) await desk.attach(`doc${i}`, `giay-${i}.png`, makePng(300, 400, 40 + i));
    await desk.waitUntilSaved();
    await desk.byTestId('send').click();
    await desk.byTestId('walkin-receipt').waitFor({ timeout: 60_000 });
    expect(await desk.byTestId('receipt-doc').count()).toBe(8);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'print-fit-walkin.png'), fullPage: true });
    const pdf = await printed(page, 'print-fit-walkin');
    expect(pdfPages(pdf)).toBe(1);
    const [box] = mediaBoxes(pdf);
    expect(Math.abs(box!.width - A5_POINTS.width)).toBeLessThan(1);

    // Accepted at the desk: the tablet's Mẫu 01 of the same 8 documents is one A5 page too
    // (the sheet's own margins: walkin.css gives it a page of its own with none).
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate('window.print = () => {}');
    await desk.byTestId('walkin-accept').click();
    await desk.byTestId('walkin-form01').waitFor({ timeout: 30_000 });
    expect(await desk.byTestId('form-documents').locator('tbody tr').count()).toBe(8);
    const form = await printed(page, 'print-fit-walkin-01');
    expect(pdfPages(form)).toBe(1);
    const [formBox] = mediaBoxes(form);
    expect(Math.abs(formBox!.width - A5_POINTS.width)).toBeLessThan(1);
    await context.close();
  });
});
