// The first screen before any script: index.html and catalog.html hold their screen drawn at
// build time, so a phone with scripts still on their way (here: none at all) shows the words
// and the big button. With scripts, React takes that HTML over without redrawing it (no
// hydration error, the same elements), and a phone set to English draws afresh in English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';

/** Script errors and console errors (React reports a hydration mismatch there). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

describe('the first screen', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: 'warn' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for its scripts once painted (boot.js), while a deep link\'s shell asks at once', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).not.toMatch(/<script type="module"|rel="modulepreload"/);
    expect(home).toMatch(/<script defer src="\/assets\/boot-[\w-]+\.js" data-entry="\/assets\/index-[\w-]+\.js" data-preload="[^"]+">/);
    const shell = await (await fetch(`${server.url}/dossiers/x`)).text();
    expect(shell).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    expect(shell).toMatch(/rel="modulepreload"/);
  });

  it('is in the HTML: the home screen and the catalog show their words with scripts turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Hồ sơ của tôi');
    expect(await page.getByTestId('new-dossier').textContent()).toContain('Nộp hồ sơ mới');
    expect(await page.getByTestId('home-kept').textContent()).toContain('lưu ngay trên điện thoại này');
    // The build cannot know the phone's network: the header says nothing rather than "Có mạng".
    expect(await page.getByTestId('net-status').textContent()).toBe('');
    // Every word comes from the first screens' texts: no key left untranslated.
    expect(await page.locator('body').innerText()).not.toMatch(/\b(home|app|catalog|transfer|storage|net|lang)\.[a-z]+/);

    await page.goto(`${server.url}/catalog`);
    expect(await page.locator('h1').textContent()).toBe('Chọn thủ tục');
    expect(await page.getByTestId('catalog-search').count()).toBe(1);

    // Any other page path gets the plain shell, never another screen's words.
    await page.goto(`${server.url}/dossiers/0b0c2c8e-1111-4111-8111-111111111111`);
    expect(await page.locator('h1').count()).toBe(0);
    await context.close();
  });

  it('is taken over by React as it is: no hydration error, the same heading element, working buttons', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    // Marks the heading the server sent, before any script runs: hydration keeps that element.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => document.querySelector('h1')?.setAttribute('data-from-html', 'yes'));
    });
    // open() waits until the app has taken the page over (the dossier list, read from IndexedDB, has come).
    await new CitizenApp(page, server.url).open();
    expect(await page.locator('h1').getAttribute('data-from-html')).toBe('yes');
    expect(await page.getByTestId('net-status').textContent()).toBe('Có mạng');
    await page.getByTestId('new-dossier').click();
    await page.getByTestId('catalog-search').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Chọn thủ tục');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is drawn afresh in the language the person chose', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    // The switch answers once the app has taken the page over, which open() waits for.
    await new CitizenApp(page, server.url).open();
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'My dossiers');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'My dossiers');
    expect(await page.getByTestId('home-kept').textContent()).toContain('kept on this phone');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });
});
