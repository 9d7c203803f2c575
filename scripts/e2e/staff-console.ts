// Page object for the staff console: what an officer does at the desk, in their words.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export class StaffConsole {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  async signIn(username: string, password = 'demo1234') {
    await this.page.goto(`${this.baseUrl}/staff`);
    await this.byTestId('login-username').fill(username);
    await this.byTestId('login-password').fill(password);
    await this.byTestId('login-submit').click();
    await this.byTestId('staff-who').waitFor();
  }

  async openTab(tab: string) {
    await this.byTestId(`tab-${tab}`).click();
  }

  queueItem(code: string) {
    return this.page.locator(`[data-testid="queue-item"][data-code="${code}"]`);
  }

  async search(q: string) {
    await this.byTestId('queue-search').fill(q);
    await this.byTestId('queue-search-go').click();
  }

  /** The dossier screen, once its status is the one expected. */
  async waitForStatus(status: string) {
    await this.page.locator(`[data-testid="staff-dossier"][data-status="${status}"]`).waitFor();
  }

  /** Every document picture on the screen has been decoded (the bytes arrived and are an image). */
  async imagesLoaded(): Promise<number> {
    const images = this.byTestId('doc-image');
    await this.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="doc-image"]')).every((img) => img.complete && img.naturalWidth > 0),
    );
    return images.count();
  }

  async startAction(action: string) {
    await this.byTestId(`action-${action}`).click();
    await this.byTestId(`form-${action}`).waitFor();
  }

  async submitAction() {
    await this.byTestId('action-submit').click();
  }

  /** The console confirmed this action (the note of an earlier one does not count). */
  async waitForDone(action: string) {
    await this.page.locator(`[data-testid="action-done"][data-action="${action}"]`).waitFor();
  }

  /** Hands the open dossier on to the staff member whose choice starts with `name`, and waits for the answer. */
  async handTo(name: string) {
    await this.byTestId('handover-open').click();
    const option = this.byTestId('handover-to').locator('option', { hasText: name });
    await this.byTestId('handover-to').selectOption((await option.getAttribute('value'))!);
    await this.byTestId('handover-send').click();
    await this.byTestId('handover-done').waitFor();
  }

  /** The print preview has drawn the stored form and its QR code. */
  async waitForForm(kind: string) {
    await this.byTestId(`form-${kind}`).waitFor();
    await this.page.locator('[data-testid="form-qr"] svg').waitFor();
  }
}

export const DESK = { width: 1280, height: 800 };
export const TABLET = { width: 768, height: 1024 };
export const SHOTS = process.env.DESK_SHOTS ?? join(tmpdir(), 'hsc-desk-shots');

/** The staff screen at both sizes: the whole page from the top, or what is in view (a dialog). */
export async function shoot(page: Page, name: string, fullPage = true) {
  for (const [size, viewport] of [['1280', DESK], ['768', TABLET]] as const) {
    await page.setViewportSize(viewport);
    // A whole-page picture draws the sticky bar where the page was scrolled to.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage });
  }
  await page.setViewportSize(DESK);
}
