// Trust issue in Chromium: a dossier's signed receipt is shown with its QR code, offline too;
// the verify screen checks it offline as genuine, a copy with one character changed in the
// signed part as forged, and a receipt of an unknown key as such.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';

/** One character of the signed part replaced by another base32 character. */
function tamper(text: string): string {
  const parts = text.split('.');
  const data = parts[2]!;
  const at = Math.floor(data.length / 2);
  parts[2] = data.slice(0, at) + (data[at] === 'A' ? 'B' : 'A') + data.slice(at + 1);
  return parts.join('.');
}

describe('signed receipts in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await newPhoneContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the receipt with its QR offline and verifies it offline; a tampered copy is forged', async () => {
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.waitUntilOfflineReady();

    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'can-cuoc.png', makePng(640, 400, 1));
    await app.attach('document', 'giay-uy-quyen.png', makePng(600, 800, 2));
    await app.waitUntilSaved();
    await app.byTestId('send').click();
    await app.byTestId('commune-receipt').waitFor({ timeout: 60_000 });
    const code = (await app.byTestId('receipt-code').textContent())!.trim();

    // The QR of the signed receipt, small enough for a phone screen; the keys are now on the phone.
    await app.byTestId('receipt-signature-ok').waitFor({ timeout: 30_000 });
    const qr = app.byTestId('receipt-qr');
    await expect.poll(() => qr.getAttribute('data-qr-version')).toMatch(/^\d+$/);
    expect(Number(await qr.getAttribute('data-qr-version'))).toBeLessThanOrEqual(15);
    const box = await qr.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    const text = await app.byTestId('receipt-qr-text').inputValue();
    expect(text).toMatch(/^HSC1\.[0-9A-F]{16}\.[A-Z2-7]+\.[A-Z2-7]+$/);
    // Notifications are offered with a button, never asked for on load.
    await app.byTestId('push-offer').waitFor();

    // Offline: the receipt and its QR are still there after a reload, and the signature checks out.
    const dossierUrl = page.url();
    await context.setOffline(true);
    await page.goto(dossierUrl);
    await app.byTestId('commune-receipt').waitFor();
    expect((await app.byTestId('receipt-code').textContent())!.trim()).toBe(code);
    await app.byTestId('receipt-signature-ok').waitFor();
    await expect.poll(() => app.byTestId('receipt-qr').getAttribute('data-qr-version')).toMatch(/^\d+$/);

    // The verify screen, offline, with the keys kept on the phone.
    await app.open('/kiem-tra');
    const verdictOf = async (value: string) => {
      await app.byTestId('verify-input').fill(value);
      await app.byTestId('verify-check').click();
      const verdict = app.byTestId('verify-verdict');
      await verdict.waitFor();
      return verdict.getAttribute('data-verdict');
    };
    expect(await verdictOf(text)).toBe('valid');
    expect(await app.byTestId('verify-facts').textContent()).toContain(code);
    expect(await verdictOf(tamper(text))).toBe('forged');
    await expect.poll(() => app.byTestId('verify-verdict').textContent()).toContain('giả hoặc đã bị sửa');
    const otherKid = text.replace(/^HSC1\.[0-9A-F]{16}\./, 'HSC1.0123456789ABCDEF.');
    expect(await verdictOf(otherKid)).toBe('unknown_key');
    expect(await verdictOf('HSC1.cut')).toBe('malformed');
  });
});
