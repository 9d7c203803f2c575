// The only door to the database. Services speak in these records; the adapters (SQLite,
// PostgreSQL, and PGlite in tests) all pass one contract suite (test/contract/).
// Plain data in and out: no domain rules here, no Fastify.
import type { DossierStatus, Procedure, TimelineEntry, Unit } from '@hsc/shared';

export type StoreKind = 'sqlite' | 'postgres';

export interface UnitRecord extends Unit {
  /** QCVN 102:2016 identifier printed in dossier codes; editable per unit. */
  agencyId: string;
}

export interface AttachmentRecord {
  id: string;
  dossierId: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  /** Key in the blob store (relative to `DATA_DIR/files`). */
  path: string;
  storedAt: string;
}

export interface DossierRecord {
  id: string;
  code: string;
  lookupCode: string;
  unitCode: string;
  procedureCode: string;
  status: DossierStatus;
  /** The submission as canonical JSON: what the device sent, for idempotency and the desk. */
  body: string;
  bodyHash: string;
  secretHash: string;
  /** The receipt exactly as issued (its bytes will be signed later; never re-serialise it). */
  receipt: string;
  receivedAt: string;
  dueAt: string;
  channel: 'online';
}

/** A dossier about to be inserted; `code` and `receipt` depend on the sequence number. */
export interface NewDossier extends Omit<DossierRecord, 'code' | 'receipt'> {
  agencyId: string;
  /** Vietnamese local date (YYYY-MM-DD) the daily sequence counts in. */
  day: string;
  /** Called inside the transaction with the day's next number for the agency. */
  issue(sequence: number): { code: string; receipt: string };
}

export type CreateResult = { created: true; dossier: DossierRecord } | { created: false };

export interface Store {
  readonly kind: StoreKind;
  /** Runs pending migrations (in code, Kysely Migrator). Safe to call from several processes. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Seed procedures replace earlier seed versions but never one edited by staff. */
  upsertSeedProcedures(procedures: readonly Procedure[]): Promise<void>;
  listProcedures(): Promise<Procedure[]>;
  getProcedure(code: string): Promise<Procedure | undefined>;

  /** New units get `defaultAgencyId`; existing ones keep theirs (it may have been corrected). */
  upsertUnits(units: readonly Unit[], defaultAgencyId: (code: string) => string): Promise<void>;
  listUnits(): Promise<UnitRecord[]>;
  getUnit(code: string): Promise<UnitRecord | undefined>;
  setAgencyId(unitCode: string, agencyId: string): Promise<void>;

  getAttachment(id: string): Promise<AttachmentRecord | undefined>;
  getAttachments(ids: readonly string[]): Promise<AttachmentRecord[]>;
  /** Inserts unless the id exists; returns the row that is stored afterwards. */
  putAttachment(record: AttachmentRecord): Promise<AttachmentRecord>;
  /** Overwrites the row (the device replaced an attachment no dossier holds yet). */
  replaceAttachment(record: AttachmentRecord): Promise<AttachmentRecord>;

  getDossier(id: string): Promise<DossierRecord | undefined>;
  getDossierByCode(code: string): Promise<DossierRecord | undefined>;
  /**
   * In one transaction: takes the agency's next daily number, inserts the dossier and its
   * first timeline entry. `{created: false}` when the id already exists (a concurrent PUT won);
   * nothing is written then, not even the sequence.
   */
  createDossier(dossier: NewDossier): Promise<CreateResult>;
  timeline(dossierId: string): Promise<TimelineEntry[]>;
  // Seam (Desk issue): status changes append to `timeline` and update `dossiers.status` in one
  // transaction, with the staff member recorded for the audit trail.
}
