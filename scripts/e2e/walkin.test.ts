// Assisted walk-in mode end to end in Chromium on a desk-sized screen against the real server
// (demo accounts): the officer signs in at /staff/walkin, the line goes down, a walk-in dossier
// is filled and photographed and sent into the outbox; the next citizen's dossier is started;
// the line comes back: the first goes by itself to the staff endpoint, its receipt shows for
// printing, and its data is wiped from IndexedDB while the second is left exactly as it was.
// A citizen with no phone is served start to finish at the desk: sent, accepted, Mẫu 01 printed.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { readStore } from './device-db.ts';
import { signIn } from './staff-api.ts';

const DESK = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1, hasTouch: true, locale: 'vi-VN' };

describe('walk-in mode in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
    context = await browser.newContext(DESK);
    await context.addInitScript('globalThis.__name ??= (f) => f;');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps the walk-in offline, sends it with the officer session, prints the receipt and wipes it', async () => {
    const page = await context.newPage();
    const desk = new CitizenApp(page, server.url);
    await desk.open('/');
    await desk.waitUntilOfflineReady();
    await desk.open('/staff/walkin');
    await desk.byTestId('login-username').fill('demo.officer');
    await desk.byTestId('login-password').fill('demo1234');
    await desk.byTestId('login-submit').click();
    await desk.byTestId('walkin-next').click();
    // The catalog is on the device (kept by the app), so the procedures show offline too.
    await desk.byTestId('walkin-procedure-2.000884').waitFor();

    await context.setOffline(true);
    await expect.poll(() => desk.byTestId('net-status').getAttribute('data-online')).toBe('false');
    await desk.byTestId('walkin-procedure-2.000884').click();
    // The commune is the officer's: shown, not picked.
    expect(await desk.byTestId('walkin-unit').textContent()).toContain('Võ Nhai');
    expect(await desk.byTestId('field-unitCode').count()).toBe(0);
    await desk.fill('applicant.fullName', 'Lò Văn Páo');
    await desk.fill('applicant.phone', '0912345678');
    await desk.fill('applicant.citizenId', '019123456789');
    await desk.fill('applicant.address', 'Bản Nà Mò, xã Võ Nhai');
    await desk.fill('fields.documentName', 'Giấy ủy quyền');
    await desk.attach('idCard', 'can-cuoc.png', makePng(640, 400, 3));
    await desk.attach('document', 'giay-uy-quyen.png', makePng(600, 800, 4));
    await desk.waitUntilSaved();
    await desk.byTestId('send').click();
    await expect.poll(() => desk.byTestId('walkin-status').getAttribute('data-state')).toBe('queued');
    const firstUrl = page.url();

    // The next citizen, still offline: a new session, their own draft with a photo.
    await desk.byTestId('walkin-next').click();
    await desk.byTestId('walkin-procedure-2.000884').click();
    await desk.fill('applicant.fullName', 'Hà Thị Sen');
    await desk.attach('idCard', 'can-cuoc-sen.png', makePng(640, 400, 5));
    await desk.waitUntilSaved();
    const secondUrl = page.url();
    expect(secondUrl).not.toBe(firstUrl);

    await context.setOffline(false);
    await desk.open(new URL(firstUrl).pathname);
    await desk.byTestId('walkin-receipt').waitFor({ timeout: 60_000 });
    const code = (await desk.byTestId('receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^H19\.05716-\d{6}-\d{4}$/);
    expect(await desk.byTestId('receipt-doc').count()).toBe(2);
    await desk.byTestId('walkin-wiped').waitFor();
    await desk.byTestId('walkin-print').waitFor();

    // The commune holds it as a desk dossier.
    const officer = await signIn(server.url);
    const list = (await (await officer.get('/api/staff/dossiers?q=' + encodeURIComponent(code))).json()) as { items: { code: string; channel: string; applicantName: string }[] };
    expect(list.items).toEqual([expect.objectContaining({ code, channel: 'desk', applicantName: 'Lò Văn Páo' })]);

    // On the device: the first walk-in is a receipt summary only; the second is untouched.
    const dossiers = await readStore(page, 'dossiers');
    const pages = await readStore(page, 'attachments');
    const first = dossiers.find((d) => (d.receipt as { code?: string } | undefined)?.code === code)!;
    expect(first.state).toBe('received');
    expect(first.applicant).toEqual({ fullName: '', phone: '', citizenId: '', address: '', email: '' });
    expect(first.fields).toEqual({});
    expect(JSON.stringify(first)).not.toContain('Páo');
    expect(pages.filter((p) => p.dossierId === first.id)).toHaveLength(0);
    const second = dossiers.find((d) => d.id !== first.id && d.channel === 'desk')!;
    expect(second.state).toBe('draft');
    expect((second.applicant as { fullName: string }).fullName).toBe('Hà Thị Sen');
    expect(pages.filter((p) => p.dossierId === second.id)).toHaveLength(1);

    // The citizen app's Home on this device shows none of them.
    await desk.open('/');
    await desk.byTestId('my-dossiers').waitFor();
    expect(await desk.byTestId('dossier-item').count()).toBe(0);
    // The desk's list shows both, the second still being filled in.
    await desk.open('/staff/walkin');
    await expect.poll(() => desk.byTestId('walkin-item').count()).toBe(2);
  });

  it('serves a citizen with no phone in one flow: sent, accepted and Mẫu 01 printed, then the next', async () => {
    const page = await context.newPage();
    // The print dialog would wait for a person: count the calls instead.
    await page.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
    const desk = new CitizenApp(page, server.url);
    await desk.open('/staff/walkin');
    const login = desk.byTestId('login-username');
    const next = desk.byTestId('walkin-next');
    await Promise.race([login.waitFor(), next.waitFor()]);
    if (await login.isVisible()) {
      await login.fill('demo.officer');
      await desk.byTestId('login-password').fill('demo1234');
      await desk.byTestId('login-submit').click();
    }
    await next.click();
    await desk.byTestId('walkin-procedure-2.000884').click();
    await desk.fill('applicant.fullName', 'Vàng Thị Mỷ');
    await desk.byTestId('no-phone').check();
    expect(await desk.byTestId('field-applicant.phone').count()).toBe(0);
    await desk.fill('applicant.citizenId', '019123456781');
    await desk.fill('applicant.address', 'Bản Khuổi Mèo, xã Võ Nhai');
    await desk.fill('fields.documentName', 'Giấy ủy quyền');
    await desk.attach('idCard', 'can-cuoc.png', makePng(640, 400, 11));
    await desk.attach('document', 'giay-uy-quyen.png', makePng(600, 800, 12));
    await desk.waitUntilSaved();
    await desk.byTestId('send').click();

    await desk.byTestId('walkin-receipt').waitFor({ timeout: 60_000 });
    const code = (await desk.byTestId('receipt-code').textContent())?.trim() ?? '';
    await desk.byTestId('walkin-accept').click();
    await desk.byTestId('walkin-form01').waitFor({ timeout: 30_000 });
    expect((await desk.byTestId('form-code').textContent())?.trim()).toBe(code);
    expect(await desk.byTestId('form-applicant').textContent()).toContain('không có điện thoại');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await desk.byTestId('walkin-print-form01').click();
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(2);

    // The commune holds it accepted, a desk dossier with no phone and its Mẫu 01.
    const officer = await signIn(server.url);
    const list = (await (await officer.get('/api/staff/dossiers?q=' + encodeURIComponent(code))).json()) as { items: { id: string; code: string; status: string; channel: string; phone: string; noPhone?: boolean }[] };
    expect(list.items).toEqual([expect.objectContaining({ code, status: 'accepted', channel: 'desk', phone: '', noPhone: true })]);
    const detail = (await (await officer.get(`/api/staff/dossiers/${list.items[0]!.id}`)).json()) as { dossier: { forms: { kind: string }[] } };
    expect(detail.dossier.forms.map((f) => f.kind)).toEqual(['01']);

    // Nothing of hers is left on the tablet; the next citizen starts fresh.
    expect(JSON.stringify(await readStore(page, 'dossiers'))).not.toContain('Mỷ');
    const before = page.url();
    await desk.byTestId('walkin-next').click();
    await desk.byTestId('walkin-procedure-2.000884').waitFor();
    expect(page.url()).not.toBe(before);
  });

  it('keeps a walk-in queued when the session ends, asks for the sign-in, and sends it after', async () => {
    const page = await context.newPage();
    const desk = new CitizenApp(page, server.url);
    await desk.open('/staff/walkin');
    await desk.byTestId('walkin-next').click();
    // The officer's session ends (signed out elsewhere, or 12 h passed) while the form is open.
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/staff/me')).json()) as { csrfToken: string };
      await fetch('/api/staff/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    });
    await desk.byTestId('walkin-procedure-2.000884').click();
    await desk.fill('applicant.fullName', 'Đặng Văn Tài');
    await desk.fill('applicant.phone', '0912345679');
    await desk.fill('applicant.citizenId', '019123456780');
    await desk.fill('applicant.address', 'Bản Cẩm, xã Võ Nhai');
    await desk.fill('fields.documentName', 'Hợp đồng');
    await desk.attach('idCard', 'can-cuoc.png', makePng(640, 400, 8));
    await desk.attach('document', 'hop-dong.png', makePng(600, 800, 9));
    await desk.waitUntilSaved();
    await desk.byTestId('send').click();

    // Kept, with the reason, and the desk asks for the sign-in again.
    await desk.byTestId('login-username').waitFor({ timeout: 30_000 });
    const find = async () => (await readStore(page, 'dossiers')).find((d) => (d.applicant as { fullName: string }).fullName === 'Đặng Văn Tài')!;
    // The outbox keeps trying on its backoff timer, so it may be caught mid-try ('sending').
    await expect.poll(async () => (await find()).state).toBe('queued');
    const waiting = await find();
    expect((waiting.lastError as { code: string }).code).toBe('staffLogin');
    expect((await readStore(page, 'attachments')).filter((p) => p.dossierId === waiting.id)).toHaveLength(2);

    await desk.byTestId('login-username').fill('demo.officer');
    await desk.byTestId('login-password').fill('demo1234');
    await desk.byTestId('login-submit').click();
    await desk.byTestId('walkin-receipt').waitFor({ timeout: 60_000 });
    const sent = (await readStore(page, 'dossiers')).find((d) => d.id === waiting.id)!;
    expect(sent.state).toBe('received');
    expect(sent.wipedAt).toBeTruthy();
  });
});
