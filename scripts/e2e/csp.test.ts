// The built app under the server's Content-Security-Policy in Chromium: the citizen app (the
// service worker, photos of pages through the shrinking worker and blob: previews, the sent
// dossier's receipt with its QR code), the staff console (sign-in, the dossier's page images),
// /tra-cuu and /api/docs run without a single CSP violation or console error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { StaffConsole } from './staff-console.ts';

/** Everything the page reports that a policy may have caused: violations, console errors, uncaught errors. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      const list = ((globalThis as { __csp?: string[] }).__csp ??= []);
      list.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    // An HTTP error status is logged too (the console's 401 before sign-in): not a policy's doing.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  return async () => [...problems, ...(await page.evaluate(() => (globalThis as { __csp?: string[] }).__csp ?? []))];
}

describe('the web sources under the policy', () => {
  it('render no <style> element and write no style attribute (AdoptedStyles instead)', () => {
    const src = fileURLToPath(new URL('../../web/src', import.meta.url));
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /<style[\s>]|style="|setAttribute\(['"]style/.test(readFileSync(join(src, f), 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });
});

describe('the Content-Security-Policy in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let code = '';

  beforeAll(async () => {
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the citizen app: offline-ready, two photographed pages, sent, the receipt and its QR code', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const problems = await watch(page);
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const app = new CitizenApp(page, server.url);
    await app.waitUntilOfflineReady();
    await app.sendSignatureDossier(7);
    code = (await app.byTestId('receipt-code').textContent())!.trim();
    await page.locator('canvas').first().waitFor();
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('the staff console: sign in, the dossier and its page images', async () => {
    expect(code).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN' });
    await context.addInitScript('globalThis.__name ??= (f) => f;');
    const page = await context.newPage();
    const problems = await watch(page);
    const staff = new StaffConsole(page, server.url);
    await staff.signIn('demo.officer');
    await staff.search(code);
    await staff.queueItem(code).click();
    // The dossier's pages are drawn before they are counted (an empty screen counts 0 at once).
    await staff.byTestId('doc-image').first().waitFor();
    expect(await staff.imagesLoaded()).toBeGreaterThan(0);
    // The console's CSS (no <style> element under this policy) is applied as constructed stylesheets.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('/tra-cuu and /api/docs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${server.url}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await page.fill('#tra', 'ZZZZ');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]');
    await page.goto(`${server.url}/api/docs/`);
    await page.waitForSelector('.swagger-ui .information-container', { timeout: 30_000 });
    expect(await problems()).toEqual([]);
    await context.close();
  });
});
