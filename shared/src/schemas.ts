// One zod schema per concept. The server validates and documents its routes with these,
// the web app parses responses and imports with them. No hand-written duplicate types.
import { z } from 'zod';

// The catalog's schemas (Localized, Procedure, the catalog file) live in procedure.ts.
export * from './primitives.ts';
export * from './procedure.ts';
import { PaymentInfo } from './payment.ts';
import { Sha256Hex, Uuid } from './primitives.ts';

export const UnitType = z.enum(['ward', 'commune']);
export const Unit = z.object({ code: z.string().regex(/^\d{5}$/), name: z.string(), type: UnitType });
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ units: z.array(Unit) });


export const AttachmentRef = z.object({
  id: Uuid,
  slot: z.string(),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  size: z.number().int().min(0),
  sha256: Sha256Hex,
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const Applicant = z.object({
  fullName: z.string(),
  /** '' when `noPhone`. */
  phone: z.string(),
  citizenId: z.string(),
  address: z.string(),
  email: z.string().optional(),
  /**
   * The person at the desk has no phone (an explicit choice, so no number is invented): `phone`
   * is then ''. Only a walk-in (channel `desk`) may say so; validate.ts refuses it elsewhere.
   */
  noPhone: z.literal(true).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** A form value: text, or the rows of a `group` field (each row: sub-field key to text). */
export const FieldValue = z.union([z.string(), z.array(z.record(z.string(), z.string())).max(100)]);
export type FieldValue = z.infer<typeof FieldValue>;
export const FieldValues = z.record(z.string(), FieldValue);
export type FieldValues = z.infer<typeof FieldValues>;

/** Body of `PUT /api/dossiers/:id`. Content rules (required fields, formats) live in validate.ts. */
export const DossierSubmission = z.object({
  procedureCode: z.string(),
  /** The published version the form was filled against; absent (older phones): the current one. */
  procedureVersion: z.number().int().min(1).optional(),
  unitCode: z.string(),
  applicant: Applicant,
  fields: FieldValues,
  attachments: z.array(AttachmentRef),
});
export type DossierSubmission = z.infer<typeof DossierSubmission>;

/** Statuses of the national portal sync (Decree 61/2018), in their order 1..10. */
export const DossierStatus = z.enum([
  'registered',
  'accepted',
  'refused',
  'processing',
  'supplement_requested',
  'financial_requested',
  'withdrawn',
  'stopped',
  'processed',
  'returned',
]);
export type DossierStatus = z.infer<typeof DossierStatus>;

export const ReceiptDocument = z.object({
  attachmentId: z.string(),
  slot: z.string(),
  sha256: Sha256Hex,
  size: z.number().int(),
});

/**
 * Trust issue: the Ed25519 signature of a receipt or a Mẫu form (see receipt-signing.ts).
 * Optional so that receipts issued before signing, and older clients, keep parsing.
 */
export const SignatureShape = {
  signed: z.string().optional(),
  signature: z.string().optional(),
  kid: z.string().optional(),
};

export const Receipt = z.object({
  dossierId: z.string(),
  code: z.string(),
  lookupCode: z.string(),
  unitCode: z.string(),
  procedureCode: z.string(),
  status: DossierStatus,
  receivedAt: z.string(),
  dueAt: z.string(),
  documents: z.array(ReceiptDocument),
  /** On the receipt of a resubmission (supplement): the request it answers. */
  supplementId: z.string().optional(),
  /** On the receipt of a transfer photo sent for a fee: the proof's id (made on the device). */
  paymentProofId: z.string().optional(),
  ...SignatureShape,
});
export type Receipt = z.infer<typeof Receipt>;

export const ReceiptResponse = z.object({ receipt: Receipt });

export const TimelineEntry = z.object({ status: DossierStatus, at: z.string(), note: z.string().optional() });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TrackResponse = z.object({
  code: z.string(),
  status: DossierStatus,
  dueAt: z.string(),
  timeline: z.array(TimelineEntry),
});
export type TrackResponse = z.infer<typeof TrackResponse>;

/** A per-field problem: `code` is a stable key the UI translates; `message` is ready to show. */
export const FieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(FieldError).optional(),
  differences: z.array(z.string()).optional(),
  missing: z.array(z.string()).optional(),
  corrupt: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Health = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) });
/** `/api/health/live`: the process answers. */
export const Liveness = z.object({ status: z.literal('ok') });
/** `/api/health/ready`: the store answered a trivial query in time (200), or not (503). */
export const Readiness = z.object({ status: z.enum(['ok', 'unavailable']), store: z.enum(['sqlite', 'postgres']) });

/** Header the sending device uses to read its own dossier's status without a lookup code. */
export const DEVICE_SECRET_HEADER = 'x-dossier-secret';

// Desk issue: the citizen's side of the supplement round trip, the result, withdrawal.

/** One missing or wrong document of a supplement request (Mẫu 02 lists all of them at once). */
export const SupplementItem = z.object({
  /** The catalog's document slot, when the item is one of the procedure's documents. */
  slot: z.string().min(1).max(64).optional(),
  label: z.string().trim().min(1).max(300),
  reason: z.string().trim().min(1).max(1000),
});
export type SupplementItem = z.infer<typeof SupplementItem>;

/** The open supplement request, as the sending device sees it. `id` names it in the PUT. */
export const SupplementRequest = z.object({ id: z.string(), requestedAt: z.string(), items: z.array(SupplementItem) });
export type SupplementRequest = z.infer<typeof SupplementRequest>;

/** The result document (a PDF or an image), downloadable at `GET /api/dossiers/:id/result`. */
export const ResultFile = z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: Sha256Hex });
export type ResultFile = z.infer<typeof ResultFile>;

/** Body of `PUT /api/dossiers/:id/supplements/:supplementId`; pages are uploaded first with tus. */
export const SupplementSubmission = z.object({
  attachments: z.array(AttachmentRef).max(200),
  /** Corrected form fields (keys of the procedure); they override the first submission's. */
  fields: FieldValues.optional(),
});
export type SupplementSubmission = z.infer<typeof SupplementSubmission>;

/** The slot name of a transfer photo: it is no document of the procedure. */
export const PAYMENT_PROOF_SLOT = 'payment';

/**
 * A photo of the bank transfer for a requested fee, sent like a page (tus first) and then
 * `PUT /api/dossiers/:id/payment-proofs/:proofId`, idempotent by the proof's id.
 */
export const PaymentProofSubmission = z.object({ attachment: AttachmentRef.extend({ slot: z.literal(PAYMENT_PROOF_SLOT) }) });
export type PaymentProofSubmission = z.infer<typeof PaymentProofSubmission>;

/** How a dossier reached the commune. */
export const Channel = z.enum(['online', 'desk']);
export type Channel = z.infer<typeof Channel>;

/** A signed Mẫu 01-04 form as the sending device keeps it: the signature covers `signed`. */
export const SignedDecision = z.object({
  formId: z.string(),
  kind: z.enum(['01', '02', '03', '04']),
  issuedAt: z.string(),
  signed: z.string(),
  signature: z.string(),
  kid: z.string(),
});
export type SignedDecision = z.infer<typeof SignedDecision>;

/**
 * The commune's latest decision on a dossier, as plain fields a screen words in its own language:
 * refused (`reasons`, Mẫu 03), supplement (`items`, Mẫu 02), rescheduled (`reason`,
 * `previousDueAt`, `newDueAt`, Mẫu 04), stopped (`reason`), accepted and result (`dueAt`), payment
 * (its details are the status's `payment`). Absent while nothing is decided or once answered.
 */
export const DossierDecision = z.object({
  kind: z.enum(['accepted', 'supplement', 'refused', 'rescheduled', 'stopped', 'payment', 'result']),
  at: z.string(),
  reasons: z.array(z.string()).optional(),
  items: z.array(SupplementItem).optional(),
  reason: z.string().optional(),
  previousDueAt: z.string().optional(),
  newDueAt: z.string().optional(),
  dueAt: z.string().optional(),
});
export type DossierDecision = z.infer<typeof DossierDecision>;

/** `GET /api/dossiers/:id/status` with the device secret header: what the sending phone syncs. */
export const DossierStatusResponse = z.object({
  receipt: Receipt,
  status: DossierStatus,
  dueAt: z.string(),
  timeline: z.array(TimelineEntry),
  /** Present while the status is `supplement_requested`: what to add, and the id to PUT it under. */
  supplement: SupplementRequest.optional(),
  /** Present once the dossier is `processed` or `returned`: `GET /api/dossiers/:id/result`. */
  result: ResultFile.optional(),
  /** The signed Mẫu 01-04 forms issued on the dossier, exactly as stored, for offline showing. */
  decisions: z.array(SignedDecision).optional(),
  /** Once a fee is requested: amount, what for, and the unit's account with its VietQR payload. */
  payment: PaymentInfo.optional(),
  /** The latest decision in plain fields (the signed forms above prove it). */
  decision: DossierDecision.optional(),
});
export type DossierStatusResponse = z.infer<typeof DossierStatusResponse>;

