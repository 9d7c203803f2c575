// The words of the printed forms (Mẫu 01-04 of Circular 01/2018): `printedForm.*` of
// staff.json. They are legal documents in Vietnamese, so they are printed from the Vietnamese
// file whatever language the console is shown in (other languages' `printedForm` is there to
// read, not to print).
import vi from '../../../../shared/locales/vi/staff.json';

export const FORM_WORDS = vi.printedForm;

/** Fills `{{name}}` placeholders (the forms do not go through i18next: they have one language). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
