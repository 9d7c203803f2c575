// Form validation generated from a procedure's definition: the same function checks the form
// on the phone (per field, as the person types and when they press Send) and the body on the
// server, so both always agree. Adding a procedure to the catalog needs no code here.
import type { Channel, DossierSubmission, FieldDef, FieldValue, LeafFieldType, Procedure, SubFieldDef } from './schemas.ts';
import type { ValidationCode } from './messages.ts';

export interface Problem {
  /** `applicant.phone`, `fields.<key>`, `unitCode`, `documents.<slot>` */
  path: string;
  code: ValidationCode;
  params?: Record<string, string | number>;
}

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 2000;
const PHONE_RE = /^0\d{9}$/;
const CITIZEN_ID_RE = /^\d{12}$/;
/**
 * The first three digits of a citizen ID (số định danh cá nhân) are the province where the birth
 * was registered: the 63 codes of Circular 07/2016/TT-BCA, Appendix 1 (numbers already issued keep
 * them after the 2025 mergers). The fourth digit is sex and century: 0/1 for 1900-1999, 2/3 for
 * 2000-2099; 4-9 belong to later centuries, so a living person cannot have them.
 */
const PROVINCE_CODES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022',
  '024', '025', '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042',
  '044', '045', '046', '048', '049', '051', '052', '054', '056', '058', '060', '062', '064', '066',
  '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084', '086', '087',
  '089', '091', '092', '093', '094', '095', '096',
]);

/** Whether 12 digits can be a real citizen ID: a province code in use and a century/sex digit 0-3. */
export function citizenIdProblem(raw: string): 'citizenId' | 'citizenIdNumber' | null {
  const v = raw.replace(/\s/g, '');
  if (!CITIZEN_ID_RE.test(v)) return 'citizenId';
  return PROVINCE_CODES.has(v.slice(0, 3)) && v[3]! <= '3' ? null : 'citizenIdNumber';
}
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNIT_RE = /^\d{5}$/;

/** Spaces, dots and a +84 prefix are how people write numbers; store the plain 0xxxxxxxxx form. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s.\-()]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type ValueRules = Pick<FieldDef, 'options' | 'past' | 'pattern' | 'min' | 'max'>;

/** Checks one non-empty value of a given type; `today` (YYYY-MM-DD) bounds dates marked `past`. */
export function checkValue(type: LeafFieldType | 'email', value: string, opts: Partial<ValueRules> & { today?: string } = {}): Problem['code'] | null {
  const v = value.trim();
  const maxLength = type === 'longText' ? MAX_LONG_TEXT : MAX_TEXT;
  if (v.length > maxLength) return 'tooLong';
  const typed = checkType(type, v, opts);
  if (typed) return typed;
  if (opts.pattern !== undefined && !matchesPattern(opts.pattern, v)) return 'pattern';
  if (type === 'number') {
    const n = Number(v.replace(',', '.'));
    if (opts.min !== undefined && n < opts.min) return 'numberMin';
    if (opts.max !== undefined && n > opts.max) return 'numberMax';
  } else if (type === 'text' || type === 'longText') {
    if (opts.min !== undefined && v.length < opts.min) return 'tooShort';
    if (opts.max !== undefined && v.length > opts.max) return 'tooLong';
  }
  return null;
}

function checkType(type: LeafFieldType | 'email', v: string, opts: Partial<ValueRules> & { today?: string }): Problem['code'] | null {
  switch (type) {
    case 'text':
    case 'longText':
      return null;
    case 'date':
      if (!isValidDate(v)) return 'date';
      return opts.past && opts.today && v > opts.today ? 'dateInFuture' : null;
    case 'phone':
      return PHONE_RE.test(normalizePhone(v)) ? null : 'phone';
    case 'citizenId':
      return citizenIdProblem(v);
    case 'email':
      return EMAIL_RE.test(v) ? null : 'email';
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(v) ? null : 'number';
    case 'choice':
    case 'select':
      return opts.options?.some((o) => o.value === v) ? null : 'choice';
    case 'yesNo':
      return v === 'yes' || v === 'no' ? null : 'choice';
    case 'unit':
      return UNIT_RE.test(v) ? null : 'unit';
  }
}

function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // The catalog schema refuses a broken pattern; one that slipped through must not block people.
    return true;
  }
}

/** Whether a field is on the form given the other values (its condition, if any, holds). */
export function isShown(def: Pick<FieldDef, 'showIf'>, values: Readonly<Record<string, FieldValue | undefined>>): boolean {
  if (!def.showIf) return true;
  const v = values[def.showIf.field];
  return typeof v === 'string' && v.trim() === def.showIf.equals;
}

/** The rows of a group's value (an absent value has none). */
export function groupRows(value: FieldValue | undefined): Record<string, string>[] {
  return Array.isArray(value) ? value : [];
}

const APPLICANT_FIELDS = [
  { key: 'fullName', type: 'text', required: true },
  { key: 'phone', type: 'phone', required: true },
  { key: 'citizenId', type: 'citizenId', required: true },
  { key: 'address', type: 'text', required: true },
  { key: 'email', type: 'email', required: false },
] as const;

export interface ValidateOptions {
  /** How the dossier arrives; absent: `online` (a citizen's own, which must give a phone). */
  channel?: Channel;
}

/** Validates the whole dossier. An empty list means it may be sent. */
export function validateDossier(procedure: Pick<Procedure, 'fields' | 'documents'>, d: DossierSubmission, today?: string, opts: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const check = (path: string, type: LeafFieldType | 'email', required: boolean, raw: FieldValue | undefined, def?: FieldDef | SubFieldDef) => {
    if (Array.isArray(raw)) {
      problems.push({ path, code: 'invalidValue' });
      return;
    }
    const value = raw?.trim() ?? '';
    if (!value) {
      if (required) problems.push({ path, code: 'required' });
      return;
    }
    const code = checkValue(type, value, { ...def, today });
    if (code) problems.push({ path, code, ...paramsOf(code, type, def) });
  };

  if (!UNIT_RE.test(d.unitCode)) problems.push({ path: 'unitCode', code: d.unitCode ? 'unit' : 'required' });
  // "No phone" is for the person at the desk only: a citizen's own dossier is followed up by
  // phone. With it the number must be empty, so none is made up to fill the form.
  const noPhone = d.applicant.noPhone === true;
  if (noPhone && opts.channel !== 'desk') problems.push({ path: 'applicant.phone', code: 'noPhoneDeskOnly' });
  else if (noPhone && d.applicant.phone.trim()) problems.push({ path: 'applicant.phone', code: 'noPhoneWithNumber' });
  for (const f of APPLICANT_FIELDS) {
    if (f.key === 'phone' && noPhone) continue;
    check(`applicant.${f.key}`, f.type, f.required, d.applicant[f.key]);
  }
  for (const f of procedure.fields) {
    if (!isShown(f, d.fields)) continue;
    const path = `fields.${f.key}`;
    if (f.type !== 'group') {
      check(path, f.type, f.required, d.fields[f.key], f);
      continue;
    }
    const value = d.fields[f.key];
    if (value !== undefined && !Array.isArray(value)) {
      problems.push({ path, code: 'invalidValue' });
      continue;
    }
    const rows = groupRows(value);
    const minRows = Math.max(f.minRows ?? 0, f.required ? 1 : 0);
    if (rows.length < minRows) problems.push(minRows === 1 && rows.length === 0 ? { path, code: 'required' } : { path, code: 'tooFewRows', params: { min: minRows } });
    if (f.maxRows !== undefined && rows.length > f.maxRows) problems.push({ path, code: 'tooManyRows', params: { max: f.maxRows } });
    rows.forEach((row, i) => {
      for (const sub of f.fields ?? []) if (isShown(sub, row)) check(`${path}.${i}.${sub.key}`, sub.type, sub.required, row[sub.key], sub);
      for (const key of Object.keys(row)) if (!f.fields?.some((s) => s.key === key)) problems.push({ path: `${path}.${i}.${key}`, code: 'unknownField' });
    });
  }
  for (const key of Object.keys(d.fields)) {
    if (!procedure.fields.some((f) => f.key === key)) problems.push({ path: `fields.${key}`, code: 'unknownField' });
  }

  const seen = new Set<string>();
  for (const a of d.attachments) {
    if (seen.has(a.id)) problems.push({ path: `documents.${a.slot}`, code: 'duplicateAttachment' });
    seen.add(a.id);
    if (!procedure.documents.some((s) => s.key === a.slot)) problems.push({ path: `documents.${a.slot}`, code: 'unknownSlot' });
  }
  for (const slot of procedure.documents) {
    const pages = d.attachments.filter((a) => a.slot === slot.key).length;
    if (slot.required && pages === 0) problems.push({ path: `documents.${slot.key}`, code: 'missingDocument' });
    if (pages > slot.maxPages) problems.push({ path: `documents.${slot.key}`, code: 'tooManyPages', params: { max: slot.maxPages } });
  }
  return problems;
}

function paramsOf(code: Problem['code'], type: LeafFieldType | 'email', def: Pick<FieldDef, 'min' | 'max'> | undefined): Pick<Problem, 'params'> {
  switch (code) {
    case 'tooLong': {
      const limit = type === 'longText' ? MAX_LONG_TEXT : MAX_TEXT;
      return { params: { max: (type === 'text' || type === 'longText') && def?.max !== undefined ? Math.min(def.max, limit) : limit } };
    }
    case 'tooShort':
    case 'numberMin':
      return { params: { min: def?.min ?? 0 } };
    case 'numberMax':
      return { params: { max: def?.max ?? 0 } };
    default:
      return {};
  }
}
