// Page object for the citizen app: the steps a person takes, named as they would say them.
import type { Page } from 'playwright-core';
import { makePng } from '../lib/png.ts';
import { ageStatusCheck } from './device-db.ts';

export class CitizenApp {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  async open(path = '/') {
    await this.page.goto(`${this.baseUrl}${path}`);
    // The home screen is in the HTML before its script runs; its list (empty or not) shows once
    // the app has taken it over, and only then do its buttons and file picker answer.
    if (path === '/') await this.byTestId('my-dossiers').waitFor();
  }

  /** The app works offline only once the service worker controls the page. */
  async waitUntilOfflineReady() {
    await this.page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  }

  async startDossier(search: string, procedureCode: string) {
    await this.byTestId('new-dossier').click();
    await this.findProcedure(search, procedureCode);
    await this.startFound(procedureCode);
  }

  /** On the catalog screen: types the search and waits until the procedure is listed (its rows follow the phone's catalog as it syncs). */
  async findProcedure(search: string, procedureCode: string, timeout = 30_000) {
    await this.byTestId('catalog-search').fill(search);
    await this.byTestId(`procedure-${procedureCode}`).waitFor({ timeout });
  }

  /** On the catalog screen: codes of the procedures listed, best match first. */
  listedProcedures() {
    return this.page.locator('[data-testid^="procedure-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('procedure-'.length)));
  }

  /** From a search result to an empty form of that procedure. */
  async startFound(procedureCode: string) {
    await this.byTestId(`procedure-${procedureCode}`).click();
    await this.byTestId('start-dossier').click();
    // The privacy notice comes first on a phone's very first dossier; either screen may still be loading.
    await this.page.locator('[data-testid="privacy-accept"], [data-testid="send"]').first().waitFor();
    const privacy = this.byTestId('privacy-accept');
    if (await privacy.isVisible()) await privacy.click();
    await this.byTestId('send').waitFor();
  }

  /** The form of "Chứng thực chữ ký" (2.000884) for Hoàng Thị Lan of Xã Võ Nhai, every field valid. */
  async fillSignatureDossier() {
    await this.fill('unitCode', '05716');
    await this.fill('applicant.fullName', 'Hoàng Thị Lan');
    await this.fill('applicant.phone', '0912345678');
    await this.fill('applicant.citizenId', '019123456789');
    await this.fill('applicant.address', 'Xóm Làng Lường, xã Võ Nhai');
    await this.fill('fields.documentName', 'Giấy ủy quyền');
  }

  /**
   * That form filled with two photographed pages (made from `seed`) and sent; waits for the
   * commune's receipt and answers the dossier's id.
   */
  async sendSignatureDossier(seed: number): Promise<string> {
    await this.startDossier('chung thuc chu ky', '2.000884');
    await this.fillSignatureDossier();
    await this.attach('idCard', 'can-cuoc.png', makePng(640, 400, seed));
    await this.attach('document', 'giay-uy-quyen.png', makePng(600, 800, seed + 1));
    await this.waitUntilSaved();
    await this.byTestId('send').click();
    await this.byTestId('commune-receipt').waitFor({ timeout: 60_000 });
    return /\/dossiers\/([^/]+)$/.exec(new URL(this.page.url()).pathname)![1]!;
  }

  /** The app's next sync without waiting out its 30 s between status checks. */
  async nextSync(id: string) {
    await ageStatusCheck(this.page, id);
    await this.open(`/dossiers/${id}`);
  }

  /** Types, picks from a list, or (a yes/no question) taps "yes" or "no", as the field asks. */
  async fill(path: string, value: string) {
    const field = this.byTestId(`field-${path}`);
    const [tag, role] = await field.evaluate((el) => [el.tagName, el.getAttribute('role')]);
    if (role === 'radiogroup') await this.byTestId(`field-${path}-${value}`).check();
    else if (tag === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  /** One more row of a repeating group (a household member); waits until it is drawn. */
  async addRow(group: string) {
    const before = await this.page.locator(`[data-testid^="group-row-${group}-"]`).count();
    await this.byTestId(`group-add-${group}`).click();
    await this.byTestId(`group-row-${group}-${before}`).waitFor();
  }

  async attach(slot: string, name: string, buffer: Buffer, mimeType = 'image/png') {
    const before = await this.byTestId(`page-${slot}`).count();
    await this.byTestId(`attach-${slot}`).setInputFiles({ name, mimeType, buffer });
    await this.page.waitForFunction(
      ([id, n]) => document.querySelectorAll(`[data-testid="${id}"]`).length > n,
      [`page-${slot}`, before] as const,
    );
  }

  async value(path: string) {
    return this.byTestId(`field-${path}`).inputValue();
  }

  /** Drafts are saved on every change; wait for the indicator rather than a fixed delay. */
  async waitUntilSaved() {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="saved-indicator"]')?.getAttribute('data-saved') === 'true');
  }
}
