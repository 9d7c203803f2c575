// What the phone keeps. Shapes of catalog data and server answers come from the shared zod
// schemas; these are the device-only records around them.
import type { Applicant, DossierStatus, FieldError, Procedure, Receipt, TimelineEntry, Unit } from '@hsc/shared/schemas';

export type DossierState = 'draft' | 'queued' | 'sending' | 'received' | 'attention';
export const DOSSIER_STATES: readonly DossierState[] = ['draft', 'queued', 'sending', 'received', 'attention'];

/** Why a dossier needs the person: `code` picks the plain-words text in the UI. */
export interface DossierError {
  code: 'network' | 'server' | 'conflict' | 'invalid' | 'rejected' | 'uploadRejected';
  message: string;
  fields?: FieldError[];
  differences?: string[];
}

export interface DossierRecord {
  /** UUID made on the device at creation: the idempotency key of the whole send. */
  id: string;
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
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
  language?: string;
  privacyAcceptedAt?: number;
}

export type { Procedure, Unit };
