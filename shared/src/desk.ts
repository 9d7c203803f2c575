// Schemas of the staff console's API (`/api/staff/*`): the queue, a dossier as the desk sees
// it, the stored Mẫu 01-04 documents, the result upload and the monthly figures. The server
// validates and documents its routes with them; the console parses its answers with them.
import { z } from 'zod';
import { ShownField } from './field-display.ts';
import { Payee } from './payment.ts';
import { ActionName, DeadlineBadge } from './lifecycle.ts';
import { Applicant, Channel, DossierStatus, FieldValues, Receipt, Sha256Hex, SignatureShape, SupplementItem, TimelineEntry } from './schemas.ts';
import { UnitCode } from './staff.ts';
import { DeskHandover, HandoverPerson } from './handover.ts';


/** `GET /api/staff/dossiers` query. `status` may list several, comma-separated. */
export const DossierListQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .refine((s) => s.split(',').every((x) => DossierStatus.safeParse(x).success), 'unknown status')
    .optional(),
  q: z.string().max(200).optional(),
  unit: UnitCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /** `me`: only the dossiers the signed-in staff member was handed and holds ("Của tôi"). */
  holder: z.literal('me').optional(),
  /** One of the leader's daily figures (staff-admin.ts, DAILY_VIEWS): the dossiers it counts. */
  view: z.enum(['received_today', 'due_next', 'overdue', 'waiting']).optional(),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

export const DossierListItem = z.object({
  id: z.string(),
  code: z.string(),
  status: DossierStatus,
  channel: Channel,
  procedureCode: z.string(),
  unitCode: z.string(),
  applicantName: z.string(),
  /** '' for a walk-in with no phone (`noPhone`). */
  phone: z.string(),
  noPhone: z.literal(true).optional(),
  receivedAt: z.string(),
  dueAt: z.string(),
  /** Null when the clock is not running (waiting for a supplement, processed, final). */
  badge: DeadlineBadge.nullable(),
  /** Who holds it (handover.ts); null: the receiving desk. Absent from older servers. */
  holder: HandoverPerson.nullable().optional(),
});
export type DossierListItem = z.infer<typeof DossierListItem>;

/** Ordered by due date (most urgent first), then id. Pass `nextCursor` back for the next page. */
export const DossierListResponse = z.object({ items: z.array(DossierListItem), nextCursor: z.string().optional() });
export type DossierListResponse = z.infer<typeof DossierListResponse>;

export const QueueSummaryQuery = z.object({ unit: UnitCode.optional() });
export type QueueSummaryQuery = z.infer<typeof QueueSummaryQuery>;

/**
 * What an open console polls every few seconds: how many dossiers stand in each status, and a
 * version that changes with every step any of them takes (also the answer's ETag, so an
 * unchanged queue costs a 304).
 */
export const QueueSummary = z.object({ version: z.string(), counts: z.record(DossierStatus, z.number().int()) });
export type QueueSummary = z.infer<typeof QueueSummary>;

export const DeskAttachment = z.object({
  id: z.string(),
  slot: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: Sha256Hex,
  /** 1: the first submission; n+1: the n-th supplement. Earlier versions are never overwritten. */
  version: z.number().int().min(1),
  /** The supplement that brought it, or null for the first submission. */
  supplementId: z.string().nullable(),
  /** The latest version of its slot (a supplement's pages for a slot replace the older ones). */
  current: z.boolean(),
  /** The stored bytes were hashed again for this answer and match the SHA-256 from the device. */
  verified: z.boolean(),
});
export type DeskAttachment = z.infer<typeof DeskAttachment>;

export const FormKind = z.enum(['01', '02', '03', '04']);
export type FormKind = z.infer<typeof FormKind>;
export const FormSummary = z.object({ id: z.string(), kind: FormKind, number: z.string(), issuedAt: z.string() });
export type FormSummary = z.infer<typeof FormSummary>;

export const DeskSupplement = z.object({
  id: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  items: z.array(SupplementItem),
  formId: z.string(),
  /** When the citizen's resubmission arrived; null while it is awaited. */
  answeredAt: z.string().nullable(),
  /** Fields the citizen corrected with the resubmission. */
  fields: FieldValues.optional(),
  receipt: Receipt.optional(),
  /** A leader's written reason for a request outside the rule (late, or not the first). */
  overrideReason: z.string().optional(),
});
export type DeskSupplement = z.infer<typeof DeskSupplement>;

/** A photo of the transfer the citizen sent for the fee, with its signed receipt. */
export const DeskPaymentProof = z.object({
  id: z.string(),
  receivedAt: z.string(),
  attachment: DeskAttachment.pick({ id: true, fileName: true, mediaType: true, size: true, sha256: true, verified: true }),
});
export type DeskPaymentProof = z.infer<typeof DeskPaymentProof>;

export const DeskResult = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: Sha256Hex,
  uploadedAt: z.string(),
  verified: z.boolean(),
});
export type DeskResult = z.infer<typeof DeskResult>;

export const DeskDossier = z.object({
  id: z.string(),
  code: z.string(),
  /** Given to a walk-in citizen with the code, to track the dossier without the app. */
  lookupCode: z.string(),
  status: DossierStatus,
  channel: Channel,
  procedureCode: z.string(),
  /** The published version of the procedure the dossier was filled in (`GET /api/procedures/:code?version=`). */
  procedureVersion: z.number().int(),
  procedureName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  /** The first receipt. */
  receivedAt: z.string(),
  /** When the current processing clock started (the receipt, or the last resubmission). */
  clockFrom: z.string(),
  dueAt: z.string(),
  badge: DeadlineBadge.nullable(),
  rescheduled: z.boolean(),
  /** The last fee request (`note`: what for) and, once marked paid, when, how much and the bank's reference. */
  payment: z
    .object({ amount: z.number().int(), note: z.string().optional(), paidAt: z.string().optional(), paidAmount: z.number().int().optional(), reference: z.string().optional(), vietqr: z.string().optional(), payee: Payee.optional() })
    .nullable(),
  /** Transfer photos the citizen sent for the fee, oldest first. */
  paymentProofs: z.array(DeskPaymentProof),
  applicant: Applicant,
  /** The form fields, with corrections from supplements applied. */
  fields: FieldValues,
  attachments: z.array(DeskAttachment),
  supplements: z.array(DeskSupplement),
  forms: z.array(FormSummary),
  timeline: z.array(TimelineEntry),
  result: DeskResult.nullable(),
  /** What the signed-in staff member can do now (the lifecycle's rules for their role). */
  actions: z.array(ActionName),
  /**
   * The supplement rule now: the last day of the 3-working-day window (Vietnamese date) and why
   * a request now would need a leader's written reason (null: it keeps the rule).
   */
  supplementRule: z
    .object({ until: z.string(), restriction: z.enum(['supplement_too_late', 'supplement_already_requested']).nullable() })
    .optional(),
  /** Who holds it, its steps through the unit and whom it may be handed to (handover.ts). */
  handover: DeskHandover.optional(),
});
export type DeskDossier = z.infer<typeof DeskDossier>;
export const DeskDossierResponse = z.object({ dossier: DeskDossier });

// The printed forms of Circular 01/2018: what the officer prints is this stored JSON.
const FormBase = z.object({
  id: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  lookupCode: z.string(),
  agency: z.object({ unitCode: z.string(), unitName: z.string(), agencyId: z.string(), desk: z.string() }),
  /** `noPhone`: a walk-in who has no phone (`phone` is ''); the form says so instead of a number. */
  applicant: z.object({ fullName: z.string(), address: z.string(), phone: z.string(), email: z.string().optional(), noPhone: z.literal(true).optional() }),
  procedure: z.object({ code: z.string(), name: z.string(), processingTime: z.string() }),
  /** `phone`: the officer's desk phone, to contact about the form (absent on forms issued before, or none given). */
  officer: z.object({ id: z.string(), name: z.string(), phone: z.string().optional() }),
  /** Trust issue: the dossier's status once this form was issued, and the form's signature. */
  status: DossierStatus.optional(),
  ...SignatureShape,
});
export const FormDocumentEntry = z.object({
  slot: z.string(),
  label: z.string(),
  pages: z.number().int(),
  version: z.number().int(),
  /** Trust issue: the SHA-256 of each page, in order, so the signed form names the very bytes. */
  sha256: z.array(z.string()).optional(),
  /** Bản chính, bản sao, bản sao có chứng thực, or an electronic copy (absent on forms issued before). */
  kind: z.enum(['original', 'copy', 'certifiedCopy', 'electronicCopy']).optional(),
  /** How many of this document were received (absent on forms issued before). */
  count: z.number().int().optional(),
});

export const FormDocument = z.discriminatedUnion('kind', [
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
  FormBase.extend({
    kind: z.literal('01'),
    channel: Channel,
    /** What is asked for: the form's fields as the officer and the citizen read them. */
    fields: z.array(ShownField).optional(),
    documents: z.array(FormDocumentEntry),
    sets: z.number().int(),
    /** How many copies (liên) of this receipt are made (absent on forms issued before). */
    copies: z.number().int().optional(),
    receivedAt: z.string(),
    dueAt: z.string(),
    resultDelivery: z.string(),
  }),
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
  FormBase.extend({ kind: z.literal('02'), supplementId: z.string(), receivedAt: z.string(), items: z.array(SupplementItem) }),
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
  FormBase.extend({ kind: z.literal('03'), receivedAt: z.string(), reasons: z.array(z.string()) }),
  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
  FormBase.extend({ kind: z.literal('04'), receivedAt: z.string(), previousDueAt: z.string(), newDueAt: z.string(), reason: z.string() }),
]);
export type FormDocument = z.infer<typeof FormDocument>;

export const ActionResponse = z.object({ dossier: DeskDossier, form: FormDocument.optional() });
export type ActionResponse = z.infer<typeof ActionResponse>;

/** Result documents the console may upload (and the citizen download). */
export const RESULT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const RESULT_MAX_BYTES = 20 * 1024 * 1024;
/** Header carrying the result's file name (URI-encoded when not ASCII). */
export const FILE_NAME_HEADER = 'x-file-name';
export const ResultUploadResponse = z.object({ resultId: z.string(), sha256: Sha256Hex, size: z.number().int() });
export type ResultUploadResponse = z.infer<typeof ResultUploadResponse>;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ReportQuery = z.object({ from: Month, to: Month, unit: UnitCode.optional() });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportFigures = z.object({
  received: z.number().int(),
  online: z.number().int(),
  desk: z.number().int(),
  /** online / received; null when nothing was received. */
  onlineShare: z.number().nullable(),
  /** Reached `processed` (a result was issued). */
  finished: z.number().int(),
  /** Finished no later than the due date in force. */
  onTime: z.number().int(),
  /** onTime / finished; null when nothing was finished. */
  onTimeRate: z.number().nullable(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** One month × unit × procedure, counting the dossiers first received that month. */
export const ReportRow = ReportFigures.extend({ month: Month, unitCode: z.string(), procedureCode: z.string() });
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportResponse = z.object({
  from: Month,
  to: Month,
  /** Null: every unit (province viewer without a filter). */
  unit: z.string().nullable(),
  rows: z.array(ReportRow),
  /** Per month, over the units and procedures of the rows. */
  months: z.array(ReportFigures.extend({ month: Month })),
  total: ReportFigures,
  /** Fees marked paid, per month (Vietnamese time, when marked) and unit: how many and how much (VND). */
  fees: z.array(z.object({ month: Month, unitCode: z.string(), paid: z.number().int(), amount: z.number().int() })).optional(),
});
export type ReportResponse = z.infer<typeof ReportResponse>;
