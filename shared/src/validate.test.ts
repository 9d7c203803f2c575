import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from './catalog.ts';
import type { DossierSubmission, Procedure } from './schemas.ts';
import enForms from '../locales/en/forms.json';
import viForms from '../locales/vi/forms.json';
import { checkValue, normalizePhone, validateDossier } from './validate.ts';

const birth = SEED_PROCEDURES.find((p) => p.code === '1.001193')!;
const att = (slot: string, n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  slot,
  fileName: `p${n}.jpg`,
  mediaType: 'image/jpeg',
  size: 10,
  sha256: 'a'.repeat(64),
});
const valid = (): DossierSubmission => ({
  procedureCode: birth.code,
  unitCode: '05533',
  applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', citizenId: '019123456789', address: 'Xóm Na, Võ Nhai' },
  fields: {
    childName: 'Nguyễn Văn An',
    childBirthDate: '2026-11-20',
    childSex: 'male',
    birthPlace: 'Trạm y tế xã Võ Nhai',
    ethnicity: 'Tày',
    motherName: 'Nguyễn Thị Hoa',
    relationship: 'parent',
  },
  attachments: [att('declaration', 1), att('birthProof', 2), att('parentsId', 3)],
});
const codes = (d: DossierSubmission) => validateDossier(birth, d, '2026-11-26').map((p) => `${p.path}:${p.code}`);

describe('validateDossier, generated from the procedure', () => {
  it('accepts a complete birth registration', () => {
    expect(codes(valid())).toEqual([]);
  });
  it('names every missing required field and document at once', () => {
    const d = valid();
    d.fields.childName = '  ';
    delete d.fields.motherName;
    d.applicant.address = '';
    d.attachments = d.attachments.filter((a) => a.slot !== 'birthProof');
    expect(codes(d)).toEqual([
      'applicant.address:required',
      'fields.childName:required',
      'fields.motherName:required',
      'documents.birthProof:missingDocument',
    ]);
  });
  it('checks formats by field type', () => {
    const d = valid();
    d.applicant.phone = '12345';
    d.applicant.citizenId = '01912345678';
    d.applicant.email = 'hoa@';
    d.fields.childBirthDate = '2026-02-30';
    d.fields.childSex = 'x';
    expect(codes(d)).toEqual([
      'applicant.phone:phone',
      'applicant.citizenId:citizenId',
      'applicant.email:email',
      'fields.childBirthDate:date',
      'fields.childSex:choice',
    ]);
  });
  it('refuses a birth date in the future', () => {
    const d = valid();
    d.fields.childBirthDate = '2026-12-01';
    expect(codes(d)).toEqual(['fields.childBirthDate:dateInFuture']);
  });
  it('refuses fields and documents the procedure does not have, and too many pages', () => {
    const d = valid();
    d.fields.shoeSize = '42';
    d.attachments.push(att('passport', 9), att('declaration', 10), att('declaration', 11));
    expect(codes(d)).toEqual(['fields.shoeSize:unknownField', 'documents.passport:unknownSlot', 'documents.declaration:tooManyPages']);
  });
  it('refuses a unit code that is not five digits', () => {
    expect(codes({ ...valid(), unitCode: '' })).toEqual(['unitCode:required']);
    expect(codes({ ...valid(), unitCode: 'abc' })).toEqual(['unitCode:unit']);
  });
  it('accepts phone numbers written with spaces or +84', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(codes({ ...valid(), applicant: { ...valid().applicant, phone: '0912 345 678' } })).toEqual([]);
  });
});

describe('validateDossier, a person with no phone', () => {
  const noPhone = (): DossierSubmission => {
    const d = valid();
    d.applicant = { ...d.applicant, phone: '', noPhone: true };
    return d;
  };
  it('accepts "no phone" with an empty number on a walk-in at the desk', () => {
    expect(validateDossier(birth, noPhone(), '2026-11-26', { channel: 'desk' })).toEqual([]);
  });
  it('refuses it on a citizen\'s own dossier, and when no channel is named', () => {
    expect(validateDossier(birth, noPhone(), '2026-11-26', { channel: 'online' }).map((p) => `${p.path}:${p.code}`)).toEqual(['applicant.phone:noPhoneDeskOnly']);
    expect(codes(noPhone())).toEqual(['applicant.phone:noPhoneDeskOnly']);
  });
  it('refuses a number given together with "no phone" (none is made up)', () => {
    const d = noPhone();
    d.applicant.phone = '0912345678';
    expect(validateDossier(birth, d, '2026-11-26', { channel: 'desk' }).map((p) => `${p.path}:${p.code}`)).toEqual(['applicant.phone:noPhoneWithNumber']);
  });
  it('still requires the phone of a walk-in who did not say "no phone"', () => {
    const d = valid();
    d.applicant.phone = '';
    expect(validateDossier(birth, d, '2026-11-26', { channel: 'desk' }).map((p) => `${p.path}:${p.code}`)).toEqual(['applicant.phone:required']);
  });
});

describe('validateDossier, the new field types', () => {
  const procedure: Pick<Procedure, 'fields' | 'documents'> = {
    documents: [],
    fields: [
      { key: 'note', type: 'longText', required: false, label: { vi: 'Ghi chú', en: 'Note' }, min: 5 },
      { key: 'months', type: 'number', required: true, label: { vi: 'Số tháng', en: 'Months' }, min: 1, max: 24 },
      { key: 'plate', type: 'text', required: false, label: { vi: 'Biển số', en: 'Plate' }, pattern: '\\d{2}[A-Z]-\\d{3}\\.\\d{2}' },
      { key: 'hasJob', type: 'yesNo', required: true, label: { vi: 'Có việc làm?', en: 'Employed?' } },
      { key: 'employer', type: 'text', required: true, label: { vi: 'Nơi làm việc', en: 'Employer' }, showIf: { field: 'hasJob', equals: 'yes' } },
      { key: 'ethnic', type: 'select', required: false, label: { vi: 'Dân tộc', en: 'Ethnicity' }, options: [{ value: 'tay', label: { vi: 'Tày', en: 'Tay' } }] },
      {
        key: 'members',
        type: 'group',
        required: true,
        label: { vi: 'Thành viên', en: 'Members' },
        minRows: 1,
        maxRows: 2,
        fields: [
          { key: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
          { key: 'id', type: 'citizenId', required: false, label: { vi: 'Số căn cước', en: 'ID' } },
        ],
      },
    ],
  };
  const body = (fields: DossierSubmission['fields']): DossierSubmission => ({ ...valid(), fields, attachments: [] });
  const problems = (fields: DossierSubmission['fields']) => validateDossier(procedure, body(fields), '2026-11-26').map((p) => `${p.path}:${p.code}${p.params ? JSON.stringify(p.params) : ''}`);
  const good = { months: '3', hasJob: 'no', members: [{ name: 'An' }] };

  it('accepts a complete form; a hidden field is neither required nor checked', () => {
    expect(problems(good)).toEqual([]);
    expect(problems({ ...good, hasJob: 'yes' })).toEqual(['fields.employer:required']);
  });
  it('checks number bounds, text length, patterns, yes/no and select values', () => {
    expect(problems({ ...good, months: '30', note: 'abc', plate: '20a-123', hasJob: 'maybe', ethnic: 'kinh' })).toEqual([
      'fields.note:tooShort{"min":5}',
      'fields.months:numberMax{"max":24}',
      'fields.plate:pattern',
      'fields.hasJob:choice',
      'fields.ethnic:choice',
    ]);
    expect(problems({ ...good, months: '0', plate: '20A-123.45' })).toEqual(['fields.months:numberMin{"min":1}']);
  });
  it('checks a group: its rows, each row\'s sub-fields by path, and text where rows belong', () => {
    expect(problems({ ...good, members: [] })).toEqual(['fields.members:required']);
    expect(problems({ ...good, members: [{ name: 'An' }, { name: '' }, { name: 'Chi', id: '12', extra: 'x' }] })).toEqual([
      'fields.members:tooManyRows{"max":2}',
      'fields.members.1.name:required',
      'fields.members.2.id:citizenId',
      'fields.members.2.extra:unknownField',
    ]);
    expect(problems({ ...good, members: 'An' })).toEqual(['fields.members:invalidValue']);
    expect(problems({ ...good, months: [{ a: '1' }] })).toEqual(['fields.months:invalidValue']);
  });
});

describe('citizen ID', () => {
  it('takes a province code in use and a century/sex digit of someone alive', () => {
    for (const id of ['001090000001', '019123456789', '096300000000', '079 203 000 111']) expect(checkValue('citizenId', id)).toBeNull();
  });
  it('refuses a province code no one was given (003, 097, 000) with its own plain message', () => {
    for (const id of ['003123456789', '097123456789', '000123456789', '100123456789']) expect(checkValue('citizenId', id)).toBe('citizenIdNumber');
  });
  it('refuses a century digit of the 22nd century or later', () => {
    for (const d of '456789') expect(checkValue('citizenId', `019${d}23456789`)).toBe('citizenIdNumber');
  });
  it('still says "12 digits" when the length or the characters are wrong', () => {
    expect(checkValue('citizenId', '01912345678')).toBe('citizenId');
    expect(checkValue('citizenId', '01912345678a')).toBe('citizenId');
    expect(viForms.errors.citizenIdNumber).toMatch(/thẻ căn cước/);
    expect(enForms.errors.citizenIdNumber).toMatch(/card/);
  });
});
