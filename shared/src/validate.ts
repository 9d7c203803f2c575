// Form validation generated from a procedure's definition: the same function checks the form
// on the phone (per field, as the person types and when they press Send) and the body on the
// server, so both always agree. Adding a procedure to the catalog needs no code here.
import type { DossierSubmission, FieldDef, Procedure } from './schemas.ts';
import type { ValidationCode } from './messages.ts';

export interface Problem {
  /** `applicant.phone`, `fields.<key>`, `unitCode`, `documents.<slot>` */
  path: string;
  code: ValidationCode;
  params?: Record<string, string | number>;
}

const MAX_TEXT = 500;
const PHONE_RE = /^0\d{9}$/;
const CITIZEN_ID_RE = /^\d{12}$/;
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

/** Checks one non-empty value of a given type; `today` (YYYY-MM-DD) bounds dates marked `past`. */
export function checkValue(
  type: FieldDef['type'] | 'email',
  value: string,
  opts: { options?: FieldDef['options']; past?: boolean; today?: string } = {},
): Problem['code'] | null {
  const v = value.trim();
  if (v.length > MAX_TEXT) return 'tooLong';
  switch (type) {
    case 'text':
      return null;
    case 'date':
      if (!isValidDate(v)) return 'date';
      return opts.past && opts.today && v > opts.today ? 'dateInFuture' : null;
    case 'phone':
      return PHONE_RE.test(normalizePhone(v)) ? null : 'phone';
    case 'citizenId':
      return CITIZEN_ID_RE.test(v.replace(/\s/g, '')) ? null : 'citizenId';
    case 'email':
      return EMAIL_RE.test(v) ? null : 'email';
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(v) ? null : 'number';
    case 'choice':
      return opts.options?.some((o) => o.value === v) ? null : 'choice';
    case 'unit':
      return UNIT_RE.test(v) ? null : 'unit';
  }
}

const APPLICANT_FIELDS = [
  { key: 'fullName', type: 'text', required: true },
  { key: 'phone', type: 'phone', required: true },
  { key: 'citizenId', type: 'citizenId', required: true },
  { key: 'address', type: 'text', required: true },
  { key: 'email', type: 'email', required: false },
] as const;

/** Validates the whole dossier. An empty list means it may be sent. */
export function validateDossier(procedure: Procedure, d: DossierSubmission, today?: string): Problem[] {
  const problems: Problem[] = [];
  const check = (path: string, type: FieldDef['type'] | 'email', required: boolean, raw: string | undefined, def?: FieldDef) => {
    const value = raw?.trim() ?? '';
    if (!value) {
      if (required) problems.push({ path, code: 'required' });
      return;
    }
    const code = checkValue(type, value, { options: def?.options, past: def?.past, today });
    if (code) problems.push(code === 'tooLong' ? { path, code, params: { max: MAX_TEXT } } : { path, code });
  };

  if (!UNIT_RE.test(d.unitCode)) problems.push({ path: 'unitCode', code: d.unitCode ? 'unit' : 'required' });
  for (const f of APPLICANT_FIELDS) check(`applicant.${f.key}`, f.type, f.required, d.applicant[f.key]);
  for (const f of procedure.fields) check(`fields.${f.key}`, f.type, f.required, d.fields[f.key], f);
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
