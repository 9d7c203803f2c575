// Debian's Chromium driven by playwright-core (no browser downloads on these machines).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A phone-sized context: the people we build for hold a 360-px-wide Android phone. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };

/**
 * A phone context. tsx compiles with esbuild's keepNames, which wraps named functions in
 * `__name(...)`; functions handed to page.evaluate run in the page, so define it there too.
 */
export async function newPhoneContext(browser: Browser) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  return context;
}
