// A procedure is data an administrator manages: its form fields, document slots, time and fee.
// The phone's form, the validation on both sides, the Mẫu 01 document list and the catalog file
// are all generated from these schemas, so a new procedure needs no code.
import { z } from 'zod';
import { Localized, Sha256Hex, Uuid } from './primitives.ts';

const Key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'a key starts with a letter and has only letters, digits and _');

/** Every field type a form can have; `group` repeats its sub-fields once per row. */
export const FieldType = z.enum(['text', 'longText', 'number', 'date', 'choice', 'select', 'yesNo', 'phone', 'citizenId', 'email', 'unit', 'group']);
export type FieldType = z.infer<typeof FieldType>;
/** The types a group's sub-fields may have: anything but another group. */
export const LeafFieldType = FieldType.exclude(['group']);
export type LeafFieldType = z.infer<typeof LeafFieldType>;

export const FieldOption = z.object({ value: z.string().min(1).max(100), label: Localized });
export type FieldOption = z.infer<typeof FieldOption>;

/** "Show only when field X = v": X is an earlier field of the same form (or of the same group row). */
export const FieldCondition = z.object({ field: Key, equals: z.string() });
export type FieldCondition = z.infer<typeof FieldCondition>;

const fieldShape = {
  key: Key,
  required: z.boolean(),
  label: Localized,
  /** One line under the label: what to write, an example. */
  hint: Localized.optional(),
  options: z.array(FieldOption).optional(),
  /** A regular expression the whole (trimmed) value must match, for text-like fields. */
  pattern: z.string().min(1).max(300).optional(),
  /** number: the smallest and largest value; text and longText: the shortest and longest length. */
  min: z.number().optional(),
  max: z.number().optional(),
  showIf: FieldCondition.optional(),
  /** Marks data that Decree 13/2023 calls sensitive (ethnicity, religion); shown in the privacy notice. */
  sensitive: z.boolean().optional(),
  /** A `date` that records something already past (a birth): a future date is a typing mistake. */
  past: z.boolean().optional(),
};

export const SubFieldDef = z.object({ ...fieldShape, type: LeafFieldType });
export type SubFieldDef = z.infer<typeof SubFieldDef>;

export const FieldDef = z.object({
  ...fieldShape,
  type: FieldType,
  /** `group` only: the sub-fields of one row, and how many rows there may be. */
  fields: z.array(SubFieldDef).optional(),
  minRows: z.number().int().min(0).max(100).optional(),
  maxRows: z.number().int().min(1).max(100).optional(),
});
export type FieldDef = z.infer<typeof FieldDef>;

/** The blank form (tờ khai) of a slot, uploaded by an administrator: `GET /api/catalog/templates/:id`. */
export const TemplateRef = z.object({
  id: Uuid,
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  size: z.number().int().min(0),
  sha256: Sha256Hex,
});
export type TemplateRef = z.infer<typeof TemplateRef>;

/** The form of a paper a procedure asks for: bản chính, bản sao, bản sao có chứng thực. */
export const DocumentKind = z.enum(['original', 'copy', 'certifiedCopy']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentSlot = z.object({
  key: Key,
  /** false: "if any" (nếu có). */
  required: z.boolean(),
  label: Localized,
  maxPages: z.number().int().min(1).max(50),
  template: TemplateRef.optional(),
  /** What form of the paper is required; absent: the channel's (an online dossier is electronic copies). */
  kind: DocumentKind.optional(),
});
export type DocumentSlot = z.infer<typeof DocumentSlot>;

const Vnd = z.number().int().min(0).max(1_000_000_000);
/** How the fee is reckoned; `fee` keeps the words people read. */
export const FeeRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), amount: Vnd }),
  z.object({ kind: z.literal('perPage'), amount: Vnd, cap: Vnd.optional() }),
  z.object({ kind: z.literal('perCopy'), amount: Vnd, cap: Vnd.optional() }),
]);
export type FeeRule = z.infer<typeof FeeRule>;

/** The moments of life a person browses by, when they do not know a procedure's name. */
export const LifeEvent = z.enum(['birth', 'marriage', 'death', 'moving', 'papers', 'business', 'land', 'support', 'merit', 'farming']);
export type LifeEvent = z.infer<typeof LifeEvent>;

export const ProcedureCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, 'a code has letters, digits, dots and dashes');

const procedureShape = {
  /** The national procedure database code (e.g. 1.001193), or the province's own. */
  code: ProcedureCode,
  /** True when `code` was checked against the national procedure database. */
  verified: z.boolean().optional(),
  name: Localized,
  /** Field of law (lĩnh vực). */
  field: Localized,
  /** Service level (Decree 43/2011): 3 submit online, 4 also pay and receive online. */
  level: z.union([z.literal(3), z.literal(4)]).optional(),
  legalBasis: Localized.optional(),
  /** Statutory processing time in working days; 0 means the same working day (the 15:00 rule). */
  processingDays: z.number().int().min(0).max(365),
  processingTime: Localized,
  fee: Localized,
  feeRule: FeeRule.optional(),
  /** Who pays nothing, in words (người có công, hộ nghèo...). */
  feeExemption: Localized.optional(),
  where: Localized,
  /** The commune-level units that offer it; absent means every unit. */
  units: z.array(z.string().regex(/^\d{5}$/)).optional(),
  lifeEvents: z.array(LifeEvent).optional(),
  /** Other words people use for it, in Vietnamese ("giấy khai sinh", "làm giấy kết hôn"). */
  keywords: z.array(z.string().min(1).max(80)).optional(),
  fields: z.array(FieldDef),
  documents: z.array(DocumentSlot),
};

/** Catalog rule codes; their words per language are in catalog-problems.ts. */
export type CatalogRule =
  | 'duplicateKey'
  | 'needsOptions'
  | 'duplicateOption'
  | 'badPattern'
  | 'minAboveMax'
  | 'conditionTarget'
  | 'conditionOnGroup'
  | 'nestedGroup'
  | 'emptyGroup'
  | 'subFieldsOutsideGroup';

function issue(ctx: z.RefinementCtx, path: (string | number)[], rule: CatalogRule, params: Record<string, string> = {}) {
  ctx.addIssue({ code: 'custom', path, message: rule, params: { rule, ...params } });
}

function checkFields(fields: readonly (FieldDef | SubFieldDef)[], path: (string | number)[], ctx: z.RefinementCtx, inGroup: boolean) {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = [...path, i];
    if (seen.has(f.key)) issue(ctx, [...at, 'key'], 'duplicateKey', { key: f.key });
    if ((f.type === 'choice' || f.type === 'select') && !f.options?.length) {
      issue(ctx, [...at, 'options'], 'needsOptions');
    }
    const values = new Set<string>();
    f.options?.forEach((o, j) => {
      if (values.has(o.value)) issue(ctx, [...at, 'options', j, 'value'], 'duplicateOption', { value: o.value });
      values.add(o.value);
    });
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        issue(ctx, [...at, 'pattern'], 'badPattern');
      }
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) issue(ctx, [...at, 'min'], 'minAboveMax');
    if (f.showIf) {
      const target = fields.slice(0, i).find((g) => g.key === f.showIf!.field);
      if (!target) issue(ctx, [...at, 'showIf', 'field'], 'conditionTarget', { key: f.showIf.field });
      else if (target.type === 'group') issue(ctx, [...at, 'showIf', 'field'], 'conditionOnGroup');
    }
    if ('fields' in f && f.type === 'group') {
      if (inGroup) issue(ctx, [...at, 'type'], 'nestedGroup');
      if (!f.fields?.length) issue(ctx, [...at, 'fields'], 'emptyGroup');
      else checkFields(f.fields, [...at, 'fields'], ctx, true);
      if (f.minRows !== undefined && f.maxRows !== undefined && f.minRows > f.maxRows) issue(ctx, [...at, 'minRows'], 'minAboveMax');
    } else if ('fields' in f && f.fields !== undefined) {
      issue(ctx, [...at, 'fields'], 'subFieldsOutsideGroup');
    }
    seen.add(f.key);
  });
}

/** Rules across fields that a shape alone cannot say; reported with the path of the culprit. */
function checkProcedure(p: { fields: FieldDef[]; documents: DocumentSlot[] }, ctx: z.RefinementCtx) {
  checkFields(p.fields, ['fields'], ctx, false);
  const slots = new Set<string>();
  p.documents.forEach((d, i) => {
    if (slots.has(d.key)) issue(ctx, ['documents', i, 'key'], 'duplicateKey', { key: d.key });
    slots.add(d.key);
  });
}

/** A procedure as an administrator writes it (the editor, the catalog file): no version yet. */
export const ProcedureDef = z.object(procedureShape).superRefine(checkProcedure);
export type ProcedureDef = z.infer<typeof ProcedureDef>;

/** A published procedure as the phones receive it: `version` counts its publications from 1. */
export const Procedure = z.object({ ...procedureShape, version: z.number().int().min(1) }).superRefine(checkProcedure);
export type Procedure = z.infer<typeof Procedure>;

/**
 * `GET /api/procedures`: the whole catalog (`delta` absent or false), or with `?since=<version>`
 * only what changed after that catalog version (`delta: true`, `retired` listing codes to drop).
 */
export const Catalog = z.object({
  version: z.string(),
  procedures: z.array(Procedure),
  retired: z.array(z.string()).optional(),
  delta: z.boolean().optional(),
});
export type Catalog = z.infer<typeof Catalog>;

export const CATALOG_FORMAT = 'hosocong-catalog';

/** One entry of the catalog file; `status: "retired"` keeps a withdrawn procedure on record. */
export const CatalogFileEntry = z.object({ ...procedureShape, status: z.enum(['published', 'retired']).optional() }).superRefine(checkProcedure);
export type CatalogFileEntry = z.infer<typeof CatalogFileEntry>;

/**
 * The catalog file (import and export): the province's whole catalog. A published procedure
 * that the file does not list is retired on import; the dry run names it first.
 */
export const CatalogFile = z.object({
  format: z.literal(CATALOG_FORMAT),
  formatVersion: z.literal(1),
  procedures: z.array(CatalogFileEntry),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

export const CatalogImportResult = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  retired: z.array(z.string()),
  unchanged: z.number().int(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  /** The catalog version after the import; absent on a dry run or when there were errors. */
  version: z.string().optional(),
});
export type CatalogImportResult = z.infer<typeof CatalogImportResult>;

export const ProcedureStatus = z.enum(['draft', 'published', 'retired']);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

/** A procedure in the administrator's list: its last publication and its unpublished draft. */
export const AdminProcedure = z.object({
  code: z.string(),
  status: ProcedureStatus,
  /** The last published version, or null when it was never published. */
  version: z.number().int().nullable(),
  published: Procedure.optional(),
  draft: ProcedureDef.optional(),
  updatedAt: z.string(),
});
export type AdminProcedure = z.infer<typeof AdminProcedure>;
export const AdminProcedureList = z.object({ procedures: z.array(AdminProcedure), version: z.string() });
