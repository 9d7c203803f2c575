import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from './catalog.ts';
import { Procedure, type DossierSubmission } from './schemas.ts';
import { normalizePhone, validateDossier } from './validate.ts';

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

describe('seed catalog', () => {
  it('holds the ten procedures, each valid and with unique keys', () => {
    expect(SEED_PROCEDURES).toHaveLength(10);
    expect(new Set(SEED_PROCEDURES.map((p) => p.code)).size).toBe(10);
    for (const p of SEED_PROCEDURES) {
      expect(() => Procedure.parse(p)).not.toThrow();
      expect(new Set(p.fields.map((f) => f.key)).size).toBe(p.fields.length);
      expect(new Set(p.documents.map((s) => s.key)).size).toBe(p.documents.length);
      for (const f of p.fields) if (f.type === 'choice') expect(f.options?.length).toBeGreaterThan(1);
    }
  });
});
