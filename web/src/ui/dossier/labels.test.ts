import type { Procedure } from '@hsc/shared/schemas';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/index.ts';
import { labelForPath } from './labels.ts';

beforeAll(() => initI18n('vi'));

const procedure: Pick<Procedure, 'fields' | 'documents'> = {
  fields: [
    {
      key: 'members',
      type: 'group',
      required: true,
      label: { vi: 'Thành viên hộ', en: 'Household members' },
      fields: [{ key: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } }],
    },
  ],
  documents: [{ key: 'idCard', required: true, label: { vi: 'Căn cước', en: 'ID card' }, maxPages: 2 }],
};

describe('the label a person reads for a problem', () => {
  it('names a group row and its sub-field, the group itself, a document and the applicant', () => {
    const t = i18next.t.bind(i18next);
    expect(labelForPath('fields.members.1.name', procedure, t, 'vi')).toBe('Thành viên hộ, Dòng 2: Họ tên');
    expect(labelForPath('fields.members', procedure, t, 'vi')).toBe('Thành viên hộ');
    expect(labelForPath('documents.idCard', procedure, t, 'vi')).toBe('Căn cước');
    expect(labelForPath('applicant.phone', procedure, t, 'vi')).toBe('Số điện thoại');
  });
});
