// What the editor holds while the administrator types: every input as typed (numbers as text,
// English possibly empty), so a mistake never throws away a keystroke. `toDef` turns it into
// the ProcedureDef the server stores, index for index, so a problem's path (`fields.3.options`)
// names the same row on screen.
import type { Localized } from '@hsc/shared/primitives';
import type { DocumentSlot, FeeRule, FieldDef, FieldType, LifeEvent, ProcedureDef, SubFieldDef, TemplateRef } from '@hsc/shared/procedure';

export interface Text {
  vi: string;
  en: string;
}

export interface OptionDraft {
  uid: string;
  value: string;
  label: Text;
}

export interface FieldDraft {
  uid: string;
  key: string;
  type: FieldType;
  required: boolean;
  label: Text;
  hint: Text;
  options: OptionDraft[];
  pattern: string;
  min: string;
  max: string;
  /** `field` empty: always shown. */
  showIf: { field: string; equals: string };
  sensitive: boolean;
  past: boolean;
  /** A group's sub-fields (never a group again). */
  fields: FieldDraft[];
  minRows: string;
  maxRows: string;
}

export interface SlotDraft {
  uid: string;
  key: string;
  required: boolean;
  label: Text;
  maxPages: string;
  template?: TemplateRef;
}

export type FeeKind = FeeRule['kind'];
export type TimeKind = 'sameDay' | 'days';

export interface ProcedureDraft {
  code: string;
  verified: boolean;
  name: Text;
  field: Text;
  level: '' | '3' | '4';
  legalBasis: Text;
  timeKind: TimeKind;
  days: string;
  processingTime: Text;
  /** null: a procedure written before fee rules existed; its fee is only in words. */
  feeKind: FeeKind | null;
  feeAmount: string;
  feeCap: string;
  fee: Text;
  feeExemption: Text;
  where: Text;
  /** null: every commune and ward. */
  units: string[] | null;
  lifeEvents: LifeEvent[];
  /** One per line, as typed. */
  keywords: string;
  fields: FieldDraft[];
  documents: SlotDraft[];
}

let counter = 0;
/** Keys for React's lists: rows move, so their index cannot be their key. */
export const uid = () => `u${++counter}`;

const text = (t?: Localized): Text => ({ vi: t?.vi ?? '', en: t?.en ?? '' });
const numText = (n: number | undefined) => (n === undefined ? '' : String(n));

export const emptyText = (): Text => ({ vi: '', en: '' });

export function newField(type: FieldType = 'text'): FieldDraft {
  return {
    uid: uid(),
    key: '',
    type,
    required: true,
    label: emptyText(),
    hint: emptyText(),
    options: [],
    pattern: '',
    min: '',
    max: '',
    showIf: { field: '', equals: '' },
    sensitive: false,
    past: false,
    fields: [],
    minRows: '',
    maxRows: '',
  };
}

export const newOption = (value = '', label: Text = emptyText()): OptionDraft => ({ uid: uid(), value, label });

export const newSlot = (): SlotDraft => ({ uid: uid(), key: '', required: true, label: emptyText(), maxPages: '2' });

export function emptyDraft(): ProcedureDraft {
  return {
    code: '',
    verified: false,
    name: emptyText(),
    field: emptyText(),
    level: '3',
    legalBasis: emptyText(),
    timeKind: 'days',
    days: '',
    processingTime: emptyText(),
    feeKind: 'none',
    feeAmount: '',
    feeCap: '',
    fee: emptyText(),
    feeExemption: emptyText(),
    where: emptyText(),
    units: null,
    lifeEvents: [],
    keywords: '',
    fields: [],
    documents: [],
  };
}

function fieldFromDef(f: FieldDef | SubFieldDef): FieldDraft {
  return {
    ...newField(f.type),
    key: f.key,
    required: f.required,
    label: text(f.label),
    hint: text(f.hint),
    options: (f.options ?? []).map((o) => newOption(o.value, text(o.label))),
    pattern: f.pattern ?? '',
    min: numText(f.min),
    max: numText(f.max),
    showIf: { field: f.showIf?.field ?? '', equals: f.showIf?.equals ?? '' },
    sensitive: f.sensitive ?? false,
    past: f.past ?? false,
    fields: 'fields' in f && f.fields ? f.fields.map(fieldFromDef) : [],
    minRows: 'minRows' in f ? numText(f.minRows) : '',
    maxRows: 'maxRows' in f ? numText(f.maxRows) : '',
  };
}

export function draftFromDef(p: ProcedureDef): ProcedureDraft {
  const rule = p.feeRule;
  return {
    code: p.code,
    verified: p.verified ?? false,
    name: text(p.name),
    field: text(p.field),
    level: p.level === undefined ? '' : (String(p.level) as '3' | '4'),
    legalBasis: text(p.legalBasis),
    timeKind: p.processingDays === 0 ? 'sameDay' : 'days',
    days: p.processingDays === 0 ? '' : String(p.processingDays),
    processingTime: text(p.processingTime),
    feeKind: rule?.kind ?? null,
    feeAmount: rule && rule.kind !== 'none' ? String(rule.amount) : '',
    feeCap: rule && (rule.kind === 'perPage' || rule.kind === 'perCopy') ? numText(rule.cap) : '',
    fee: text(p.fee),
    feeExemption: text(p.feeExemption),
    where: text(p.where),
    units: p.units ? [...p.units] : null,
    lifeEvents: [...(p.lifeEvents ?? [])],
    keywords: (p.keywords ?? []).join('\n'),
    fields: p.fields.map(fieldFromDef),
    documents: p.documents.map((d) => ({
      uid: uid(),
      key: d.key,
      required: d.required,
      label: text(d.label),
      maxPages: String(d.maxPages),
      ...(d.template ? { template: d.template } : {}),
    })),
  };
}

/** A number as typed; blank is "not set", anything unreadable is NaN so the schema names it. */
export function readNumber(s: string): number | undefined {
  const t = s.trim();
  if (!t) return undefined;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
}

/** Money in đồng: "50.000", "50 000" and "50,000" all mean fifty thousand. */
export function readAmount(s: string): number | undefined {
  const t = s.trim().replace(/[.,\s]/g, '');
  if (!t) return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** English left empty shows the Vietnamese, rather than an empty label on the phone. */
const localized = (t: Text): Localized => ({ vi: t.vi.trim(), en: t.en.trim() || t.vi.trim() });
const optionalLocalized = (t: Text): Localized | undefined => (t.vi.trim() || t.en.trim() ? localized(t) : undefined);

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function fieldToDef(f: FieldDraft): FieldDef {
  const hasOptions = f.type === 'choice' || f.type === 'select';
  const isGroup = f.type === 'group';
  const textLike = f.type === 'text' || f.type === 'longText' || f.type === 'number';
  return defined({
    key: f.key.trim(),
    type: f.type,
    required: f.required,
    label: localized(f.label),
    hint: optionalLocalized(f.hint),
    options: hasOptions ? f.options.map((o) => ({ value: o.value.trim(), label: localized(o.label) })) : undefined,
    pattern: !isGroup && f.pattern.trim() ? f.pattern.trim() : undefined,
    min: textLike ? readNumber(f.min) : undefined,
    max: textLike ? readNumber(f.max) : undefined,
    showIf: f.showIf.field ? { field: f.showIf.field, equals: f.showIf.equals } : undefined,
    sensitive: f.sensitive || undefined,
    past: f.type === 'date' && f.past ? true : undefined,
    fields: isGroup ? f.fields.map(fieldToDef) : undefined,
    minRows: isGroup ? readNumber(f.minRows) : undefined,
    maxRows: isGroup ? readNumber(f.maxRows) : undefined,
  }) as FieldDef;
}

function feeRule(d: ProcedureDraft): FeeRule | undefined {
  switch (d.feeKind) {
    case null:
      return undefined;
    case 'none':
      return { kind: 'none' };
    case 'fixed':
      return { kind: 'fixed', amount: readAmount(d.feeAmount) ?? Number.NaN };
    default:
      return defined({ kind: d.feeKind, amount: readAmount(d.feeAmount) ?? Number.NaN, cap: readAmount(d.feeCap) });
  }
}

/** The procedure as it will be sent: to be checked with `ProcedureDef.safeParse`. */
export function toDef(d: ProcedureDraft): ProcedureDef {
  const keywords = d.keywords
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);
  return defined({
    code: d.code.trim(),
    verified: d.verified || undefined,
    name: localized(d.name),
    field: localized(d.field),
    level: d.level ? (Number(d.level) as 3 | 4) : undefined,
    legalBasis: optionalLocalized(d.legalBasis),
    processingDays: d.timeKind === 'sameDay' ? 0 : (readNumber(d.days) ?? Number.NaN),
    processingTime: localized(d.processingTime),
    fee: localized(d.fee),
    feeRule: feeRule(d),
    feeExemption: optionalLocalized(d.feeExemption),
    where: localized(d.where),
    units: d.units ?? undefined,
    lifeEvents: d.lifeEvents.length ? d.lifeEvents : undefined,
    keywords: keywords.length ? [...new Set(keywords)] : undefined,
    fields: d.fields.map(fieldToDef),
    documents: d.documents.map(
      (s): DocumentSlot =>
        defined({ key: s.key.trim(), required: s.required, label: localized(s.label), maxPages: readNumber(s.maxPages) ?? Number.NaN, template: s.template }),
    ),
  }) as ProcedureDef;
}

/** The draft with one row moved by one place (`by` -1 up, +1 down). */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
