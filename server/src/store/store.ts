// The only door to the database. Services speak in these records; the adapters (SQLite,
// PostgreSQL, and PGlite in tests) all pass one contract suite (test/contract/).
// Plain data in and out: no domain rules here, no Fastify.
import type { Channel, DossierStatus, StaffRole, TimelineEntry, Unit } from '@hsc/shared';
import type { CatalogStore } from './catalog-store.ts';
import type { HandoverStore } from './kysely-handover.ts';
import type { IntegrationStore } from './kysely-integration.ts';
import type { KeyStore } from './kysely-keys.ts';
import type { PayeeStore } from './kysely-payees.ts';
import type { CounterStore } from './kysely-rate-limits.ts';
import type { PaymentProofStore } from './kysely-payment-proofs.ts';
import type { PurgeStore } from './kysely-purge.ts';
import type { PushStore } from './push-store.ts';

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
  /** The published version of the procedure it was filled against, forever. */
  procedureVersion: number;
  status: DossierStatus;
  /** The submission as canonical JSON: what the device sent, for idempotency and the desk. */
  body: string;
  bodyHash: string;
  secretHash: string;
  /** The receipt exactly as issued (its bytes will be signed later; never re-serialise it). */
  receipt: string;
  receivedAt: string;
  dueAt: string;
  channel: Channel;
  /** When the current processing clock started (the receipt, or the last resubmission). */
  clockFrom: string;
  rescheduled: boolean;
  resultId: string | null;
  finishedAt: string | null;
  /** JSON `{amount, note?}` of the last fee request. */
  payment: string | null;
}

/** A dossier about to be inserted; `code` and `receipt` depend on the sequence number. */
export interface NewDossier extends Omit<DossierRecord, 'code' | 'receipt' | 'clockFrom' | 'rescheduled' | 'resultId' | 'finishedAt' | 'payment'> {
  /** The pages, in the order of the body, as version 1. */
  documents: readonly { attachmentId: string; slot: string }[];
  /** Folded words for the staff search (applicant name, phone, citizen ID); the code is added. */
  search: (code: string) => string;
  agencyId: string;
  /** Vietnamese local date (YYYY-MM-DD) the daily sequence counts in. */
  day: string;
  /** Called inside the transaction with the day's next number for the agency. */
  issue(sequence: number): { code: string; receipt: string };
  /** Written in the same transaction (who sent it, from where); its dossier id is filled in. */
  audit?: AuditEntry;
}

export type CreateResult = { created: true; dossier: DossierRecord } | { created: false };

export interface Store {
  readonly kind: StoreKind;
  /** Runs pending migrations (in code, Kysely Migrator). Safe to call from several processes. */
  migrate(): Promise<void>;
  close(): Promise<void>;

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

  readonly staff: StaffStore;
  readonly audit: AuditStore;
  readonly holidays: HolidayStore;
  readonly desk: DeskStore;
  /** Web Push subscriptions. */
  readonly push: PushStore;
  /** Procedures, their versions and drafts, the catalog version, blank-form templates. */
  readonly catalog: CatalogStore;
  /** What the purge removes: pages of dossiers never sent, dossiers withdrawn before acceptance. */
  readonly purge: PurgeStore;
  /** Each unit's account for fees paid by transfer. */
  readonly payees: PayeeStore;
  /** Transfer photos citizens sent for fees. */
  readonly paymentProofs: PaymentProofStore;
  /** The receipt-signing and VAPID keys every node shares (private halves sealed). */
  readonly keys: KeyStore;
  /** Request counters in windows (rate limits, login throttles), shared by every node. */
  readonly counters: CounterStore;
  /** The province system's feed: status-change events, API keys, webhook receivers and deliveries. */
  readonly integration: IntegrationStore;
  /** Handovers of dossiers between the staff of a unit (Mẫu 05), and the specialist flag. */
  readonly handovers: HandoverStore;
}

// ---- Desk issue ----

export interface StaffRecord {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
  /** The desk phone printed on Mẫu 02; null when none was given. */
  phone: string | null;
  /** When an administrator reset the password: until the owner sets a new one, nothing else is allowed. */
  passwordResetAt?: string | null;
}

/** The columns an administrator changes (absent: unchanged). */
export interface StaffPatch {
  phone?: string | null;
  disabledAt?: string | null;
  passwordHash?: string;
  passwordResetAt?: string | null;
}

/** The audit log's search (the administrator's screen): all filters optional, newest first. */
export interface AuditSearch {
  staffId?: string;
  action?: string;
  dossierId?: string;
  /** ISO instants: from included, to excluded. */
  fromAt?: string;
  toAt?: string;
  offset: number;
  limit: number;
}

export interface SessionRecord {
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface StaffStore {
  /** False when the username is taken. */
  create(staff: StaffRecord): Promise<boolean>;
  byUsername(username: string): Promise<StaffRecord | undefined>;
  byId(id: string): Promise<StaffRecord | undefined>;
  list(): Promise<StaffRecord[]>;
  createSession(session: SessionRecord): Promise<void>;
  /** The session and its staff member, if the session exists and has not expired at `now`. */
  session(tokenHash: string, now: string): Promise<{ session: SessionRecord; staff: StaffRecord } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  /** False when there is no such account. */
  update(id: string, patch: StaffPatch): Promise<boolean>;
  /** Ends every session of the account (disabled, password reset or changed), but `keep`. */
  deleteSessionsOf(staffId: string, keep?: string): Promise<void>;
}

export interface AuditEntry {
  at: string;
  actorKind: 'staff' | 'citizen' | 'system';
  staffId?: string | null;
  dossierId?: string | null;
  action: string;
  fromStatus?: DossierStatus | null;
  toStatus?: DossierStatus | null;
  ip?: string | null;
  userAgent?: string | null;
  /** JSON-serialisable. */
  details?: unknown;
  /** The console's idempotency id for an action (unique). */
  actionId?: string | null;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** Oldest first. */
  list(filter: { dossierId?: string; staffId?: string; limit?: number }): Promise<AuditRecord[]>;
  byActionId(actionId: string): Promise<AuditRecord | undefined>;
  /** A page of the log, newest first, and how many lines match. */
  search(filter: AuditSearch): Promise<{ items: AuditRecord[]; total: number }>;
}

/** 'off': a day off; 'workday': a weekend date worked instead of a day off ("ngày làm bù"). */
export type CalendarDayKind = 'off' | 'workday';

export interface HolidayStore {
  /** Adds the shipped dates that are not there; never revives one an admin removed. */
  seed(dates: readonly string[], at: string, kind?: CalendarDayKind): Promise<void>;
  /** The days off (or make-up working days) in force, by date. */
  list(kind?: CalendarDayKind): Promise<{ date: string; name: string | null }[]>;
  /** A date is one kind at a time: putting it as the other kind changes it. */
  put(date: string, name: string | null, at: string, kind?: CalendarDayKind): Promise<void>;
  /** False when there was no such date of this kind. */
  remove(date: string, at: string, kind?: CalendarDayKind): Promise<boolean>;
}

export interface DocumentRecord {
  attachment: AttachmentRecord;
  slot: string;
  version: number;
  supplementId: string | null;
  position: number;
}

export interface SupplementRecord {
  id: string;
  dossierId: string;
  seq: number;
  requestedAt: string;
  requestedBy: string;
  /** JSON array of SupplementItem. */
  items: string;
  formId: string;
  answeredAt: string | null;
  /** JSON object of corrected fields. */
  fields: string | null;
  bodyHash: string | null;
  body: string | null;
  receipt: string | null;
  /** A leader's written reason for a request outside the once-within-3-working-days rule. */
  overrideReason: string | null;
}

export interface FormRecord {
  id: string;
  dossierId: string;
  kind: '01' | '02' | '03' | '04';
  number: string;
  issuedAt: string;
  staffId: string;
  /** The form document exactly as issued. */
  body: string;
}

export interface ResultRecord {
  id: string;
  dossierId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  path: string;
  uploadedAt: string;
  staffId: string;
}

/** One lifecycle step, written in one transaction (or not at all). */
export interface DossierChange {
  dossierId: string;
  /** The state the change was computed from; if it changed meanwhile nothing is written. */
  expected: Pick<DossierRecord, 'status' | 'dueAt' | 'rescheduled'>;
  set: Pick<DossierRecord, 'status' | 'dueAt' | 'clockFrom' | 'rescheduled' | 'resultId' | 'finishedAt' | 'payment'>;
  timeline: { at: string; note?: string };
  audit: AuditEntry;
  /** A Mẫu form: numbered per `counter` and `year` inside the transaction. */
  form?: { id: string; kind: FormRecord['kind']; counter: string; year: string; issuedAt: string; staffId: string; build(number: string): string };
  newSupplement?: SupplementRecord;
  answerSupplement?: Pick<SupplementRecord, 'id' | 'answeredAt' | 'fields' | 'bodyHash' | 'body' | 'receipt'>;
  newDocuments?: readonly { attachmentId: string; slot: string; version: number; supplementId: string | null; position: number }[];
  /** Written in the same transaction, last (the jobs the change calls for, e.g. its Web Push). */
  alsoInTransaction?: (tx: unknown) => Promise<void>;
}

export type ChangeResult = { ok: true; dossier: DossierRecord; form?: FormRecord } | { ok: false; reason: 'stale' | 'duplicate_action' };

/**
 * Per status, how many dossiers there are, and the timeline steps they have taken (how many, the
 * last one's time): every change appends a step, so together they change with every change.
 */
export interface QueueState {
  counts: Partial<Record<DossierStatus, number>>;
  steps: number;
  lastStepAt: string | null;
}

/** A dossier of the staff list, with its rank for the search (0: its code matched). */
export type ListedDossier = DossierRecord & { rank: number };

export interface ListDossiersFilter {
  /** Null: every unit. */
  units: readonly string[] | null;
  statuses?: readonly DossierStatus[];
  /** Folded words; each must start a word of the search text. */
  words: readonly string[];
  /** A code end (shared `deskQuery`): such dossiers match whatever the words, and come first. */
  codeTail?: string;
  limit: number;
  /** Only the dossiers this staff member holds (kysely-handover.ts). */
  holder?: string;
  /** ISO instants, from included, before excluded (the leader's daily views). */
  dueFrom?: string;
  dueBefore?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  /** Where the last page ended; `rank` 0 for a code match, 1 for the others. */
  after?: { rank: number; dueAt: string; id: string };
}

export interface ReportSourceRow {
  unitCode: string;
  procedureCode: string;
  channel: Channel;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
}

export interface DeskStore {
  list(filter: ListDossiersFilter): Promise<ListedDossier[]>;
  /** How the queue of these units (null: all) stands now: see QueueState. */
  queueSummary(units: readonly string[] | null): Promise<QueueState>;
  apply(change: DossierChange): Promise<ChangeResult>;
  documents(dossierId: string): Promise<DocumentRecord[]>;
  /** Whether any dossier holds this attachment (then its bytes never change). */
  isHeld(attachmentId: string): Promise<boolean>;
  supplements(dossierId: string): Promise<SupplementRecord[]>;
  supplement(id: string): Promise<SupplementRecord | undefined>;
  forms(dossierId: string): Promise<FormRecord[]>;
  form(id: string): Promise<FormRecord | undefined>;
  putResult(result: ResultRecord): Promise<void>;
  result(id: string): Promise<ResultRecord | undefined>;
  /** Dossiers first received in [from, to), of the units (null: all). */
  reportRows(units: readonly string[] | null, from: string, to: string): Promise<ReportSourceRow[]>;
}
