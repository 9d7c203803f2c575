import type { Procedure } from '@hsc/shared/schemas';
import type { TFunction } from 'i18next';
import { localized } from '../../i18n/index.ts';

/** The label a person sees for a form path (`applicant.phone`, `fields.childName`, ...). */
export function labelForPath(path: string, procedure: Pick<Procedure, 'fields' | 'documents'> | null, t: TFunction, lang: string): string {
  const [group, key = ''] = path.split('.', 2) as [string, string?];
  if (path === 'unitCode') return t('form.unit');
  if (group === 'applicant' && ['fullName', 'phone', 'citizenId', 'address', 'email'].includes(key)) {
    return t(`form.${key as 'fullName' | 'phone' | 'citizenId' | 'address' | 'email'}`);
  }
  if (group === 'fields') {
    const f = procedure?.fields.find((x) => x.key === key);
    // A group's sub-field: `fields.<group>.<row>.<sub>` reads "Members, row 2: Name".
    const [, , row, sub] = path.split('.');
    const subField = sub ? f?.fields?.find((x) => x.key === sub) : undefined;
    if (f && subField && row !== undefined) return `${localized(f.label, lang)}, ${t('form.row', { n: Number(row) + 1 })}: ${localized(subField.label, lang)}`;
    if (f) return localized(f.label, lang);
  }
  if (group === 'documents') {
    const s = procedure?.documents.find((x) => x.key === key);
    if (s) return localized(s.label, lang);
  }
  return path;
}
