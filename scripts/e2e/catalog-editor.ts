// Page object for the administrator's procedure editor in the staff console: every control is
// named by the path it edits (`fields.2.fields.0.key`), as the editor names its test ids.
import type { Page } from 'playwright-core';

export class CatalogEditor {
  constructor(readonly page: Page) {}

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  /** The citizen's form as the phone draws it, beside the editor. */
  get preview() {
    return this.byTestId('preview');
  }

  /** From anywhere in the console: Procedures, then a new one. */
  async openNew() {
    await this.byTestId('nav-catalog').click();
    await this.byTestId('add-procedure').click();
    await this.byTestId('procedure-editor').waitFor();
  }

  /** Types into the text box at `path` (`name.vi`, `fields.1.key`). */
  async set(path: string, value: string) {
    await this.byTestId(`cat-${path}`).fill(value);
  }

  /** Picks from a list (a field's type, the field a condition looks at, its value). */
  async pick(path: string, value: string) {
    await this.byTestId(`cat-${path}`).selectOption(value);
  }

  /** A radio among a few choices (time, fee rule, required or "if any"). */
  async choose(path: string, value: string) {
    await this.byTestId(`cat-${path}-${value}`).check();
  }

  /** Adds a field at the end of its list: `fields.1` is the second of the form, `fields.2.fields.0` the first of a group. */
  async addField(path: string, key: string, type: string, label: string) {
    await this.byTestId(`add-field-${path.slice(0, path.lastIndexOf('.'))}`).click();
    await this.byTestId(`field-card-${path}`).waitFor();
    await this.set(`${path}.key`, key);
    await this.pick(`${path}.type`, type);
    await this.set(`${path}.label.vi`, label);
  }

  /** "Show only when <field> = <equals>", folded away under "more" until opened. */
  async showOnlyWhen(path: string, field: string, equals: string) {
    await this.byTestId(`more-${path}`).click();
    await this.pick(`${path}.showIf.field`, field);
    await this.pick(`${path}.showIf.equals`, equals);
  }

  /** A document slot at the end of the list (`documents.0` is the first). */
  async addDocument(path: string, key: string, label: string, maxPages: number) {
    await this.byTestId('add-document').click();
    await this.byTestId(`slot-card-${path}`).waitFor();
    await this.set(`${path}.key`, key);
    await this.set(`${path}.label.vi`, label);
    await this.set(`${path}.maxPages`, String(maxPages));
  }

  /** The draft is on the server once the editor says so; a new one now has its code's address. */
  async saveDraft() {
    await this.byTestId('save-draft').click();
    await this.page.locator('[data-testid="editor-notice"]', { hasText: 'Đã lưu bản nháp' }).waitFor();
  }

  /** Publishing asks once; returns the editor's confirmation ("Đã công bố phiên bản n."). */
  async publish(): Promise<string> {
    await this.byTestId('publish').click();
    await this.byTestId('confirm-publish').waitFor();
    await this.byTestId('confirm-yes').click();
    const done = this.page.locator('[data-testid="editor-notice"]', { hasText: 'Đã công bố' });
    await done.waitFor();
    return (await done.textContent())!.trim();
  }
}
