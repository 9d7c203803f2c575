import { describe, expect, it } from 'vitest';
import { SEED_CATALOG, SEED_PROCEDURES } from './catalog.ts';
import { FIELD } from './seed/helpers.ts';
import { LifeEvent, Procedure, ProcedureDef, type FieldDef } from './schemas.ts';

const issuesOf = (p: unknown, schema: typeof ProcedureDef | typeof Procedure) => {
  const r = schema.safeParse(p);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

/**
 * The first ten as dossiers already sent know them: code, form fields (key and type) and
 * document slot keys, written out here rather than read from the catalog so a change there
 * cannot pass unnoticed.
 */
const FIRST_TEN = [
  {
    code: '1.001193',
    fields: ['childName:text', 'childBirthDate:date', 'childSex:choice', 'birthPlace:text', 'ethnicity:text', 'motherName:text', 'fatherName:text', 'relationship:choice'],
    slots: ['declaration', 'birthProof', 'parentsId', 'marriageCert'],
  },
  { code: '1.000894', fields: ['partnerName:text', 'partnerBirthDate:date', 'partnerCitizenId:citizenId', 'partnerUnit:unit'], slots: ['declaration', 'partnerId', 'maritalStatus'] },
  {
    code: '1.000656',
    fields: ['deceasedName:text', 'deceasedBirthDate:date', 'deceasedCitizenId:citizenId', 'deathDate:date', 'deathPlace:text', 'relationship:choice'],
    slots: ['declaration', 'deathNotice'],
  },
  { code: '1.004873', fields: ['currentStatus:choice', 'purpose:text'], slots: ['declaration', 'idCard', 'divorcePapers'] },
  { code: '2.000815', fields: ['documentName:text', 'copies:number', 'pages:number'], slots: ['original'] },
  { code: '2.000884', fields: ['documentName:text'], slots: ['idCard', 'document'] },
  { code: '2.001035', fields: ['contractType:choice', 'asset:text'], slots: ['draft', 'partiesId', 'assetPapers'] },
  { code: '1.004222', fields: ['newAddress:text', 'ownerName:text', 'reason:text'], slots: ['ct01', 'residenceProof', 'ownerConsent'] },
  { code: '1.004194', fields: ['tempAddress:text', 'fromDate:date', 'months:number'], slots: ['ct01', 'residenceProof'] },
  { code: '2.000720', fields: ['businessName:text', 'businessLine:text', 'businessAddress:text', 'capital:number'], slots: ['form', 'membersId', 'agreement'] },
];

/** The fields of law a commune handles, each of which the seed must cover. */
const NAMED_FIELDS = [FIELD.civilStatus, FIELD.certification, FIELD.residence, FIELD.socialProtection, FIELD.merit, FIELD.landHousing, FIELD.business, FIELD.agriculture];

const allFields = (p: ProcedureDef): FieldDef[] => p.fields.flatMap((f) => [f, ...((f.fields ?? []) as FieldDef[])]);

describe('the seed catalog', () => {
  it('has at least 40 procedures', () => {
    expect(SEED_PROCEDURES.length).toBeGreaterThanOrEqual(40);
  });

  it('parses every procedure, and its first published version', () => {
    for (const p of SEED_PROCEDURES) expect(issuesOf(p, ProcedureDef), p.code).toEqual([]);
    for (const p of SEED_CATALOG) expect(issuesOf(p, Procedure), p.code).toEqual([]);
  });

  it('uses each code once', () => {
    const codes = SEED_PROCEDURES.map((p) => p.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('keeps the first ten first, in order, with their codes, field keys and types, and slot keys', () => {
    const firstTen = SEED_PROCEDURES.slice(0, FIRST_TEN.length).map((p) => ({
      code: p.code,
      fields: p.fields.map((f) => `${f.key}:${f.type}`),
      slots: p.documents.map((d) => d.key),
    }));
    expect(firstTen).toEqual(FIRST_TEN);
  });

  it('gives every life event at least one procedure', () => {
    const missing = LifeEvent.options.filter((e) => !SEED_PROCEDURES.some((p) => p.lifeEvents?.includes(e)));
    expect(missing).toEqual([]);
  });

  it('covers every field of law a commune handles with at least two procedures, each written the same way', () => {
    for (const field of NAMED_FIELDS) {
      expect(SEED_PROCEDURES.filter((p) => p.field.vi === field.vi && p.field.en === field.en).length, field.en).toBeGreaterThanOrEqual(2);
    }
    // One text per field: the same Vietnamese name never comes with two English ones.
    const english = new Map<string, Set<string>>();
    for (const p of SEED_PROCEDURES) english.set(p.field.vi, (english.get(p.field.vi) ?? new Set()).add(p.field.en));
    expect([...english].filter(([, en]) => en.size > 1)).toEqual([]);
  });

  it('has what a procedure needs: both languages, time, fee and its rule, where, life events and keywords', () => {
    for (const p of SEED_PROCEDURES) {
      const texts = [p.name, p.field, p.processingTime, p.fee, p.where, p.legalBasis];
      expect(texts.every((t) => t !== undefined && t.vi.trim() !== '' && t.en.trim() !== ''), p.code).toBe(true);
      expect(p.level, p.code).toBeDefined();
      expect(p.lifeEvents?.length, p.code).toBeGreaterThan(0);
      expect(p.keywords?.length, p.code).toBeGreaterThan(0);
      expect(p.verified, p.code).toBeDefined();
      // The certified copy's tiered price (cheaper from the third page) has no rule yet.
      if (p.code !== '2.000815') expect(p.feeRule, p.code).toBeDefined();
      for (const f of allFields(p)) expect(f.key, p.code).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      for (const d of p.documents) expect(d.key, p.code).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
  });

  it('uses the richer form features where real forms need them', () => {
    const fields = SEED_PROCEDURES.flatMap(allFields);
    const groups = SEED_PROCEDURES.flatMap((p) => p.fields).filter((f) => f.type === 'group');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) expect(g.minRows !== undefined && g.maxRows !== undefined).toBe(true);
    expect(fields.filter((f) => f.showIf).length).toBeGreaterThanOrEqual(3);
    const ethnic = fields.filter((f) => f.type === 'select' && (f.options?.length ?? 0) === 54);
    expect(ethnic.length).toBeGreaterThanOrEqual(1);
    expect(ethnic.every((f) => f.sensitive)).toBe(true);
    expect(fields.filter((f) => f.type === 'yesNo').length).toBeGreaterThanOrEqual(3);
    expect(fields.filter((f) => f.type === 'longText').length).toBeGreaterThanOrEqual(3);
    expect(fields.filter((f) => f.type === 'email').length).toBeGreaterThanOrEqual(1);
    expect(fields.filter((f) => f.hint?.vi.startsWith('Ví dụ')).length).toBeGreaterThanOrEqual(10);
    expect(fields.filter((f) => f.pattern !== undefined).length).toBeGreaterThanOrEqual(1);
    expect(fields.filter((f) => f.type === 'number' && f.min !== undefined && f.max !== undefined).length).toBeGreaterThanOrEqual(1);
  });

  it('marks as unverified exactly the codes no addressable source showed (listed in shared/README.md)', () => {
    const unverified = SEED_PROCEDURES.filter((p) => !p.verified).map((p) => p.code);
    expect(unverified.sort()).toEqual(['1.012531', '1.012922', '2.000720', '2.001035', 'TN-NN-001']);
  });
});
