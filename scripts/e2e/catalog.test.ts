// A procedure made by the administrator reaches a phone and comes back as a dossier, end to end
// in Chromium against the built app and the real server (demo accounts): the administrator
// writes a procedure with a repeating group and a conditional field, tries both in the live
// preview, saves and publishes it; a phone that had the catalog and was offline meanwhile gets
// it at its next sync, finds it typed without tones and with "i" for "y", fills two rows and the
// conditional field offline and sends; the officer of the chosen commune sees the rows and the
// value in the dossier and in the printed Mẫu 01. Key screens go to .tmp/e2e/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CatalogEditor } from './catalog-editor.ts';
import { CitizenApp } from './citizen-app.ts';
import { DESK, StaffConsole } from './staff-console.ts';

const SHOTS = fileURLToPath(new URL('../../.tmp/e2e/', import.meta.url));
/**
 * The page from the top: a whole-page picture draws sticky bars where the page was scrolled to.
 * The editor's sticky buttons and preview land mid-page in one, so it is taken as seen (`fullPage` false).
 */
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `catalog-${name}.png`), fullPage });
}

const CODE = 'T.E2E.1';
const NAME = 'Đăng ký hỗ trợ hộ gia đình thử nghiệm';

describe('a procedure from the editor to a phone and back to the desk, in Chromium', () => {
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

  it('is published with a group and a condition, synced to an offline phone, filled and sent offline, and read by the officer', async () => {
    // The phone has the app and the catalog as it was, then loses the network.
    const phone = await newPhoneContext(browser);
    const citizen = new CitizenApp(await phone.newPage(), server.url);
    await citizen.open();
    await citizen.waitUntilOfflineReady();
    await citizen.byTestId('new-dossier').click();
    await citizen.byTestId('catalog-all').waitFor();
    await phone.setOffline(true);
    await expect.poll(() => citizen.byTestId('net-status').getAttribute('data-online')).toBe('false');

    // The administrator writes the procedure.
    const desk = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const admin = new StaffConsole(await desk.newPage(), server.url);
    await admin.signIn('demo.admin');
    const editor = new CatalogEditor(admin.page);
    await editor.openNew();
    await editor.set('code', CODE);
    await editor.set('name.vi', NAME);
    await editor.set('name.en', 'Household support registration (trial)');
    await editor.set('field.vi', 'Bảo trợ xã hội');
    await editor.set('where.vi', 'Bộ phận Một cửa UBND xã, phường');
    await editor.choose('timeKind', 'days');
    await editor.set('processingDays', '7');
    await editor.byTestId('life-support').check();
    expect(await editor.byTestId('cat-processingTime.vi').inputValue()).toBe('7 ngày làm việc');

    await editor.addField('fields.0', 'coKhuyetTat', 'yesNo', 'Trong hộ có người khuyết tật không?');
    await editor.addField('fields.1', 'mucDo', 'text', 'Mức độ khuyết tật');
    await editor.showOnlyWhen('fields.1', 'coKhuyetTat', 'yes');
    await editor.addField('fields.2', 'thanhVien', 'group', 'Thành viên hộ');
    await editor.addField('fields.2.fields.0', 'hoTen', 'text', 'Họ và tên');
    await editor.addField('fields.2.fields.1', 'namSinh', 'number', 'Năm sinh');
    await editor.set('fields.2.minRows', '1');
    await editor.set('fields.2.maxRows', '5');
    await editor.addDocument('documents.0', 'donDeNghi', 'Đơn đề nghị hỗ trợ', 2);

    // The preview is the phone's form: the group with its first row; the level only after "Có".
    const preview = editor.preview;
    await preview.getByTestId('group-thanhVien').waitFor();
    expect(await preview.getByTestId('group-row-thanhVien-0').count()).toBe(1);
    expect(await preview.getByTestId('field-fields.thanhVien.0.hoTen').count()).toBe(1);
    expect(await preview.getByTestId('field-fields.thanhVien.0.namSinh').count()).toBe(1);
    expect(await preview.getByTestId('field-fields.mucDo').count()).toBe(0);
    // Below the console's sticky bar, as an administrator would scroll to it.
    await editor.byTestId('section-fields').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
    await admin.page.screenshot({ path: join(SHOTS, 'catalog-01-editor-fields.png') });
    await preview.getByTestId('field-fields.coKhuyetTat-yes').check();
    await preview.getByTestId('field-fields.mucDo').waitFor();
    // The preview scrolls in its own box as tall as the window; a tall window shows all of it.
    await admin.page.setViewportSize({ width: DESK.width, height: 1600 });
    await preview.screenshot({ path: join(SHOTS, 'catalog-02-preview.png') });
    await admin.page.setViewportSize(DESK);
    await preview.getByTestId('field-fields.coKhuyetTat-no').check();
    await expect.poll(() => preview.getByTestId('field-fields.mucDo').count()).toBe(0);

    await editor.saveDraft();
    await expect.poll(() => new URL(admin.page.url()).pathname).toBe(`/staff/catalog/${CODE}`);
    expect(await editor.byTestId('procedure-state').textContent()).toBe('Bản nháp');
    expect(await editor.publish()).toBe('Đã công bố phiên bản 1.');
    expect(await editor.byTestId('procedure-version').textContent()).toBe('Phiên bản 1');
    expect(await editor.byTestId('procedure-state').textContent()).toBe('Đang áp dụng');
    await shot(admin.page, '03-published', false);

    // Offline, the phone does not know it yet.
    await citizen.byTestId('catalog-search').fill('dang ki ho tro ho gia dinh');
    await citizen.page.getByRole('status').filter({ hasText: /Tìm thấy|Không tìm thấy/ }).first().waitFor();
    expect(await citizen.listedProcedures()).not.toContain(CODE);

    // Back online it syncs by itself, asking only what changed since its version, and the search
    // (tones left out, "ki" for "ký") finds it first.
    const delta = citizen.page.waitForResponse((r) => /\/api\/procedures\?since=\d+$/.test(r.url()));
    await phone.setOffline(false);
    await citizen.findProcedure('dang ki ho tro ho gia dinh', CODE);
    const changed = (await (await delta).json()) as { delta: boolean; procedures: { code: string }[] };
    expect(changed.delta).toBe(true);
    expect(changed.procedures.map((p) => p.code)).toEqual([CODE]);
    expect((await citizen.listedProcedures())[0]).toBe(CODE);

    // Offline again: the whole form is filled and sent without a network.
    await phone.setOffline(true);
    await expect.poll(() => citizen.byTestId('net-status').getAttribute('data-online')).toBe('false');
    await citizen.startFound(CODE);
    await citizen.fill('unitCode', '05716');
    await citizen.fill('applicant.fullName', 'Triệu Thị Hoa');
    await citizen.fill('applicant.phone', '0987654321');
    await citizen.fill('applicant.citizenId', '019187654321');
    await citizen.fill('applicant.address', 'Xóm Khuổi Nọi, xã Võ Nhai');
    expect(await citizen.byTestId('field-fields.mucDo').count()).toBe(0);
    await citizen.fill('fields.coKhuyetTat', 'yes');
    await citizen.fill('fields.mucDo', 'Khuyết tật nặng');
    await citizen.fill('fields.thanhVien.0.hoTen', 'Triệu Thị Hoa');
    await citizen.fill('fields.thanhVien.0.namSinh', '1958');
    await citizen.addRow('thanhVien');
    await citizen.fill('fields.thanhVien.1.hoTen', 'Triệu Văn Minh');
    await citizen.fill('fields.thanhVien.1.namSinh', '1985');
    await citizen.attach('donDeNghi', 'don-de-nghi.png', makePng(600, 800, 21));
    await citizen.waitUntilSaved();
    await shot(citizen.page, '04-phone-form');
    await citizen.byTestId('send').click();
    await citizen.byTestId('local-receipt').waitFor();
    await shot(citizen.page, '05-phone-local-receipt');

    await phone.setOffline(false);
    await citizen.byTestId('commune-receipt').waitFor({ timeout: 60_000 });
    const code = (await citizen.byTestId('receipt-code').textContent())!.trim();
    expect(code).toMatch(/^H19\.05716-\d{6}-\d{4}$/);

    // The officer of Xã Võ Nhai reads both rows and the level in the dossier.
    const officerDesk = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
    const officer = new StaffConsole(await officerDesk.newPage(), server.url);
    await officer.signIn('demo.officer');
    await officer.queueItem(code).click();
    await officer.waitForStatus('registered');
    const members = officer.byTestId('field-thanhVien');
    await expect.poll(() => members.locator('li').allTextContents()).toEqual(['Họ và tên: Triệu Thị Hoa · Năm sinh: 1958', 'Họ và tên: Triệu Văn Minh · Năm sinh: 1985']);
    expect(await members.locator('dt').textContent()).toBe('Thành viên hộ');
    expect(await officer.byTestId('field-coKhuyetTat').locator('dd').textContent()).toBe('Có');
    expect(await officer.byTestId('field-mucDo').locator('dd').textContent()).toBe('Khuyết tật nặng');
    await shot(officer.page, '06-officer-dossier');

    // Accepted; Mẫu 01 lists what was declared, rows included.
    await officer.startAction('accept');
    await officer.submitAction();
    await officer.waitForStatus('accepted');
    await officer.byTestId('print-issued').click();
    await officer.waitForForm('01');
    expect(await officer.byTestId('form-procedure').textContent()).toBe(NAME);
    const sheet = officer.byTestId('form-fields');
    expect(await sheet.locator('li').allTextContents()).toEqual(['Họ và tên: Triệu Thị Hoa · Năm sinh: 1958', 'Họ và tên: Triệu Văn Minh · Năm sinh: 1985']);
    expect(await sheet.locator('div', { hasText: 'Mức độ khuyết tật:' }).locator('dd').textContent()).toBe('Khuyết tật nặng');
    await shot(officer.page, '07-form-01');
  });

  it('reads a procedure aloud in Vietnamese where the phone has a Vietnamese voice (a recording stand-in for speechSynthesis)', async () => {
    const phone = await newPhoneContext(browser);
    await phone.addInitScript(() => {
      const spoken: { text: string; lang: string; voice: string }[] = [];
      const voices = [{ lang: 'vi-VN', name: 'Tiếng Việt', voiceURI: 'vi', default: true, localService: true }];
      // The real utterance only takes a real voice object: the stand-in takes the stub's.
      class Utterance {
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: unknown = null;
        onerror: unknown = null;
        constructor(readonly text: string) {}
      }
      Object.assign(window, { spoken, SpeechSynthesisUtterance: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => voices,
          speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' }),
          cancel: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        },
      });
    });
    const citizen = new CitizenApp(await phone.newPage(), server.url);
    await citizen.open();
    await citizen.byTestId('new-dossier').click();
    await citizen.findProcedure('chung thuc chu ky', '2.000884');
    await citizen.byTestId('procedure-2.000884').click();
    await citizen.byTestId('read-procedure').click();
    const spoken = await citizen.page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; voice: string }[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ lang: 'vi-VN', voice: 'Tiếng Việt' });
    expect(spoken[0]!.text).toContain('Chứng thực chữ ký');
    await shot(citizen.page, 'read-aloud');
    await phone.close();
  });
});
