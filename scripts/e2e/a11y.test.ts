// Accessibility in Chromium: axe-core runs on every citizen, staff and public screen of the
// built app (phone size for the citizen, desk size for the staff) and finds no critical or
// serious violation; each screen is then drawn at 320 px and at 200 % text and must hold.
// Each screen is reached the way a person reaches it.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { sendDossierByApi, type SentByApi } from './desk-api.ts';
import { DESK, StaffConsole } from './staff-console.ts';

const SHOTS = fileURLToPath(new URL('../../.tmp/e2e/', import.meta.url));
/** Screens kept as pictures at 320 px and 200 % text, to look at. */
const SHOWN = new Set(['form with errors', 'dossier', 'queue']);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Found {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * What breaks at a small width or with large text: a page wider than the screen (sideways
 * scrolling), header parts drawn over each other, controls smaller than a thumb (44 × 44 px;
 * links inside a sentence are exempt).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      // Name the innermost elements that stick out, so the failure says where to look.
      // A printed form's preview is its paper (A5): it may be scrolled sideways on a phone.
      const wide = Array.from(document.body.querySelectorAll('*')).filter(
        (el) => !el.closest('.sheet') && el.getBoundingClientRect().right > window.innerWidth + 1 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 1),
      );
      if (wide.length) out.push(`page ${document.documentElement.scrollWidth} px wide in ${window.innerWidth}: ${[...new Set(wide.slice(0, 4).map(name))].join(', ')}`);
    }
    for (const header of Array.from(document.querySelectorAll('header'))) {
      const parts = Array.from(header.children).map((el) => [el, el.getBoundingClientRect()] as const).filter(([, r]) => r.width > 0 && r.height > 0);
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) {
          const [a, ra] = parts[i]!;
          const [b, rb] = parts[j]!;
          if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) out.push(`${name(a)} overlaps ${name(b)}`);
        }
    }
    for (const el of Array.from(document.querySelectorAll('button, a.btn, [role=tab], input:not([type=hidden]), select, textarea'))) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden=true], .visually-hidden, .sheet')) continue;
      if (el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type)) continue; // their label is the target
      if (r.width < 44 || r.height < 44) out.push(`${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
    }
    return [...new Set(out)];
  });
}

/** The critical and serious violations on the page as it stands. */
async function violations(page: Page): Promise<Found[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

describe('axe-core on every screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let sent: SentByApi;
  const found: Record<string, Found[]> = {};
  const layout: Record<string, string[]> = {};
  const check = async (name: string, page: Page) => {
    found[name] = await violations(page);
    // The same screen on the narrowest phone, then with the text twice as large.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 320, height: size.height });
    layout[`${name} @320px`] = await layoutProblems(page);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    layout[`${name} @320px 200%`] = await layoutProblems(page);
    if (SHOWN.has(name)) await page.screenshot({ path: join(SHOTS, `a11y-${name.replace(/\W+/g, '-')}-320-200.png`), fullPage: true });
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize(size);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
    sent = await sendDossierByApi(server.url, {
      procedureCode: '1.004873',
      unitCode: '05716',
      fullName: 'Triệu Thị Mai',
      fields: { currentStatus: 'single', purpose: 'Kết hôn' },
      pages: { declaration: makePng(300, 400, 61), idCard: makePng(320, 200, 62) },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the citizen's screens", async () => {
    // The test injects axe with evaluate; the app's own policy stays as served otherwise.
    const context: BrowserContext = await browser.newContext({ ...PHONE, bypassCSP: true });
    await context.addInitScript('globalThis.__name ??= (f) => f;');
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.byTestId('new-dossier').waitFor();
    await check('home', page);
    await app.byTestId('new-dossier').click();
    await app.byTestId('catalog-search').waitFor();
    await check('catalog', page);
    await app.findProcedure('chung thuc chu ky', '2.000884');
    await check('catalog search', page);
    await app.byTestId('procedure-2.000884').click();
    await app.byTestId('start-dossier').waitFor();
    await check('procedure', page);
    await app.byTestId('start-dossier').click();
    const privacy = app.byTestId('privacy-accept');
    await privacy.waitFor();
    await check('privacy notice', page);
    await privacy.click();
    await app.byTestId('send').waitFor();
    await check('form', page);
    // Send with nothing filled: every error shows.
    await app.byTestId('send').click();
    await page.locator('.field-invalid').first().waitFor();
    await check('form with errors', page);
    await app.fillSignatureDossier();
    await app.attach('idCard', 'can-cuoc.png', makePng(320, 200, 63));
    await app.attach('document', 'giay.png', makePng(300, 400, 64));
    await app.waitUntilSaved();
    await app.byTestId('send').click();
    await app.byTestId('commune-receipt').waitFor({ timeout: 60_000 });
    await check('dossier with receipt', page);
    await app.open('/');
    await app.byTestId('new-dossier').waitFor();
    await check('home with a dossier', page);
    await app.open('/kiem-tra');
    await page.locator('main').waitFor();
    await check('verify a receipt', page);
    await context.close();
  });

  it('the public lookup page and its answer (a page without script)', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.url}/tra-cuu`);
    await check('/tra-cuu', page);
    await page.locator('#ma').fill(sent.code);
    await page.locator('#tra').fill(sent.lookupCode);
    await Promise.all([page.waitForURL(/tra-cuu/), page.locator('form button[type=submit]').first().click()]);
    await page.locator('main').waitFor();
    await check('/tra-cuu answer', page);
    await page.close();
  });

  it("the staff's screens", async () => {
    const context = await browser.newContext({ viewport: DESK, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    const desk = new StaffConsole(page, server.url);
    await page.goto(`${server.url}/staff`);
    await desk.byTestId('login-username').waitFor();
    await check('staff sign-in', page);
    await desk.signIn('demo.leader');
    await desk.queueItem(sent.code).waitFor();
    await check('queue', page);
    await desk.queueItem(sent.code).click();
    await desk.waitForStatus('registered');
    await check('dossier', page);
    await desk.startAction('accept');
    await check('an action form', page);
    await desk.submitAction();
    await desk.waitForStatus('accepted');
    await desk.byTestId('print-issued').click();
    await desk.waitForForm('01');
    await check('printed Mẫu 01', page);
    await desk.byTestId('nav-reports').click();
    await page.locator('h1').waitFor();
    await check('figures', page);
    await desk.byTestId('nav-walkin').click();
    await page.locator('main h1').first().waitFor();
    await check('walk-in desk', page);
    // The walk-in form: the commune as text, and "no phone" ticked in place of the number.
    await desk.byTestId('walkin-next').click();
    await desk.byTestId('walkin-procedure-2.000884').click();
    await desk.byTestId('no-phone').check();
    await desk.byTestId('no-phone-note').waitFor();
    await check('walk-in form, no phone', page);
    await context.close();

    const admin = await browser.newContext({ viewport: DESK, locale: 'vi-VN', bypassCSP: true });
    const adminPage = await admin.newPage();
    const a = new StaffConsole(adminPage, server.url);
    await a.signIn('demo.admin');
    await adminPage.locator('main h1').first().waitFor();
    await check('catalog (administrator)', adminPage);
    for (const [nav, name] of [
      ['nav-payees', 'fee accounts'],
      ['nav-calendar', 'working calendar'],
      ['nav-accounts', 'staff accounts'],
      ['nav-audit', 'audit log'],
    ] as const) {
      await a.byTestId(nav).click();
      await adminPage.locator('main h1').first().waitFor();
      await check(name, adminPage);
    }
    await adminPage.goto(`${server.url}/staff/catalog/2.000884`);
    await adminPage.locator('main h1').first().waitFor();
    await check('procedure editor', adminPage);
    await admin.close();
  });

  it('holds every screen at 320 px and at 200 % text: no sideways scrolling, no header overlap, thumb-sized controls', () => {
    expect(Object.keys(layout).length).toBeGreaterThanOrEqual(40);
    expect(Object.fromEntries(Object.entries(layout).filter(([, v]) => v.length > 0))).toEqual({});
  });

  it('finds no critical or serious violation anywhere', () => {
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(20);
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  });
});
