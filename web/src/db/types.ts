// What the phone keeps. Shapes of catalog data and server answers come from the shared zod
// schemas; these are the device-only records around them.
import type { PaymentInfo } from '@hsc/shared/payment';
import type { Applicant, DossierStatus, FieldError, Procedure, Receipt, ResultFile, SignedDecision, SupplementRequest, TimelineEntry, Unit, DossierDecision } from '@hsc/shared/schemas';

export type DossierState = 'draft' | 'queued' | 'sending' | 'received' | 'attention';
export const DOSSIER_STATES: readonly DossierState[] = ['draft', 'queued', 'sending', 'received', 'attention'];

/** Why a dossier needs the person: `code` picks the plain-words text in the UI. */
export interface DossierError {
  /** `staffLogin`: a walk-in dossier waits for the officer to sign in again (never lost). */
  code: 'network' | 'server' | 'conflict' | 'invalid' | 'rejected' | 'uploadRejected' | 'staffLogin';
  message: string;
  fields?: FieldError[];
  differences?: string[];
}

export interface DossierRecord {
  /** UUID made on the device at creation: the idempotency key of the whole send. */
  id: string;
  procedureCode: string;
  /**
   * The procedure as it was when the draft was made (or last updated to a newer version): the
   * form, the validation and `procedureVersion` follow it, whatever the catalog says later.
   * Absent on drafts made before procedures had versions. Not indexed.
   */
  procedure?: Procedure;
  unitCode: string;
  applicant: Applicant;
  /** Flat, one string per key; a group's rows are encoded as in draftValues.ts. */
  fields: Record<string, string>;
  state: DossierState;
  /** Short reference a person can read aloud ("HS-7K3Q"), shown on the local receipt. */
  localRef: string;
  /** Random secret that lets this phone read the dossier's status without a lookup code. */
  deviceSecret: string;
  createdAt: number;
  updatedAt: number;
  queuedAt?: number;
  receipt?: Receipt;
  status?: DossierStatus;
  dueAt?: string;
  timeline?: TimelineEntry[];
  statusCheckedAt?: number;
  lastError?: DossierError;
  attempts: number;
  nextAttemptAt?: number;
  /** The commune's open supplement request, from the last status (schema v3). */
  supplement?: SupplementRequest;
  /** The result document announced by the status, once processed or returned (schema v3). */
  result?: ResultFile;
  /** The fee asked for, with the commune's VietQR code and account, from the last status; not indexed. */
  payment?: PaymentInfo;
  /** The signed Mẫu 01-04 forms from the last status, kept to show (and verify) offline; not indexed. */
  decisions?: SignedDecision[];
  /** The latest decision in plain fields (reasons, items, dates), shown offline; not indexed. */
  decision?: DossierDecision;
  /** `desk`: started by an officer for a walk-in citizen on a shared desk device (schema v3). */
  channel?: 'desk';
  /** The walk-in session it belongs to: each citizen at the desk has their own. */
  walkinSession?: string;
  /** A walk-in's personal data was wiped once its receipt was held; only the receipt remains. */
  wipedAt?: number;
  /**
   * A walk-in's "accept and print Mẫu 01" action id, made before the first try and kept, so a
   * retry after a dropped line or a reload is the same action (the server answers it again with
   * the same form) rather than a second one; not indexed.
   */
  deskAcceptId?: string;
}

/**
 * The person's answer to a supplement request (schema v3). `id` is made on the device when the
 * person starts it; pages are AttachmentRecords carrying this id. The server names the request
 * by `requestId`, the id the PUT goes to, so a resend of the same answer is recognised.
 */
export interface SupplementRecord {
  id: string;
  dossierId: string;
  requestId: string;
  requestedAt: string;
  items: SupplementRequest['items'];
  state: DossierState;
  createdAt: number;
  updatedAt: number;
  queuedAt?: number;
  /** The commune's new receipt: same code, the restarted clock's due date. */
  receipt?: Receipt;
  lastError?: DossierError;
  attempts: number;
  nextAttemptAt?: number;
}

/**
 * A photo of the bank transfer for the commune's fee (schema v4). Made and queued in one step
 * (one photo, nothing to edit); its page is an AttachmentRecord carrying this id. `id` is the
 * id the PUT goes to, so a resend is recognised and answered with the same receipt.
 */
export interface PaymentProofRecord {
  id: string;
  dossierId: string;
  attachmentId: string;
  state: Exclude<DossierState, 'draft'>;
  createdAt: number;
  updatedAt: number;
  queuedAt: number;
  /** The commune's signed receipt for the photo. */
  receipt?: Receipt;
  lastError?: DossierError;
  attempts: number;
  nextAttemptAt?: number;
}

/** The result document kept on the phone, checked against the status's SHA-256 (schema v3). */
export interface ResultRecord {
  dossierId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blob: Blob;
  downloadedAt: number;
}

export interface AttachmentRecord {
  /** UUID made on the device at capture. */
  id: string;
  dossierId: string;
  slot: string;
  order: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blob: Blob;
  /** tus upload URL, kept so an upload cut at 90% resumes at 90%, after a reload too. */
  uploadUrl?: string;
  uploaded: boolean;
  /** Bytes of the file as the person picked it (schema v2; v1 pages were stored as picked). */
  originalSize: number;
  /** True when the stored bytes are the phone's shrunk copy of a photo. */
  shrunk: boolean;
  /** Set on the pages of a supplement (SupplementRecord.id); the first submission's have none. */
  supplementId?: string;
  /** Set on a transfer photo sent for a fee (PaymentProofRecord.id, schema v4). */
  proofId?: string;
}

export interface MetaRecord {
  key: 'catalog' | 'units';
  version?: string;
  etag?: string;
  fetchedAt: number;
}

/** Who holds the outbox, for browsers without Web Locks (schema v2). */
export interface LeaseRecord {
  name: string;
  owner: string;
  expiresAt: number;
}

export interface SettingsRecord {
  key: 'app';
  /** Where phones kept the language before i18n kept it in localStorage; read once at boot. */
  language?: string;
  privacyAcceptedAt?: number;
}

export type { Procedure, Unit };
