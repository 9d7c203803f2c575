// Table types for Kysely. Instants are ISO-8601 UTC text and JSON is text on both databases:
// the receipt must come back byte for byte as issued, which `jsonb` would not guarantee.
import type { ColumnType, Generated } from 'kysely';
import type { CalendarDayKind } from './store.ts';

export interface UnitsTable {
  code: string;
  name: string;
  type: string;
  agency_id: string;
}

export interface ProceduresTable {
  code: string;
  /** Order shown in the catalog. */
  position: number;
  body: string;
  /** 'seed' rows follow the shipped catalog; anything else was edited by staff and is kept. */
  source: string;
  updated_at: string;
  // 0004_catalog:
  /** The last published Procedure (with its version) is `body`; '' while only a draft exists. */
  status: string;
  version: number | null;
  /** The unpublished ProcedureDef an administrator is editing, or null. */
  draft: string | null;
  /** The catalog version of the last publish, retire or restore: what `?since=` compares. */
  changed_at: number;
}

export interface ProcedureVersionsTable {
  code: string;
  version: number;
  body: string;
  published_at: string;
  catalog_version: number;
}

export interface CatalogMetaTable {
  key: string;
  value: number;
}

export interface TemplatesTable {
  id: string;
  file_name: string;
  media_type: string;
  size: ColumnType<number | string | bigint, number, number>;
  sha256: string;
  path: string;
  uploaded_at: string;
  staff_id: string;
}

export interface DossiersTable {
  id: string;
  code: string;
  lookup_code: string;
  unit_code: string;
  procedure_code: string;
  status: string;
  body: string;
  body_hash: string;
  secret_hash: string;
  receipt: string;
  received_at: string;
  due_at: string;
  channel: string;
  // 0002_desk:
  /** When the current processing clock started (the receipt, or the last resubmission). */
  clock_from: string;
  /** 0 or 1: the due date was moved once by a Mẫu 04. */
  rescheduled: number;
  result_id: string | null;
  finished_at: string | null;
  /** JSON `{amount, note?}` of the last fee request, or null. */
  payment: string | null;
  /** Folded words of the code, applicant name, phone and citizen ID, for the staff search. */
  search: string;
  // 0004_catalog:
  /** The published version of the procedure the form was filled against. */
  procedure_version: number;
}

export interface AttachmentsTable {
  id: string;
  dossier_id: string;
  sha256: string;
  /** bigint: node-postgres returns it as a string, better-sqlite3 as a number. */
  size: ColumnType<number | string | bigint, number, number>;
  media_type: string;
  file_name: string;
  path: string;
  stored_at: string;
}

export interface CodeSequencesTable {
  agency_id: string;
  /** Vietnamese local date, YYYY-MM-DD. */
  day: string;
  last: number;
}

export interface TimelineTable {
  dossier_id: string;
  seq: number;
  status: string;
  at: string;
  note: string | null;
}

/** Which attachments make up a dossier, in which version (0002_desk). */
export interface DossierDocumentsTable {
  dossier_id: string;
  attachment_id: string;
  slot: string;
  version: number;
  supplement_id: string | null;
  position: number;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** Added by 0009. */
  phone: string | null;
  /** Added by 0017: when an administrator reset the password (the next sign-in must change it); null otherwise. */
  password_reset_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  token_hash: string;
  staff_id: string;
  csrf_token: string;
  user_agent: string | null;
  ip: string | null;
  created_at: string;
  expires_at: string;
}

export interface HolidaysTable {
  date: string;
  name: string | null;
  /** 'seed' (shared VN_HOLIDAYS) or 'admin'. */
  source: string;
  /** 1: an admin removed it; kept so the seed does not bring it back. */
  removed: number;
  updated_at: string;
  /** Added by 0008: 'off' (a day off) or 'workday' (a weekend date worked, "ngày làm bù"). */
  kind: Generated<CalendarDayKind>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_kind: string;
  staff_id: string | null;
  dossier_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
  /** The console's id for an action (unique): a resent action is applied once. */
  action_id: string | null;
}

export interface SupplementsTable {
  id: string;
  dossier_id: string;
  /** 1 for the first request of a dossier; the pages it brings are version seq + 1. */
  seq: number;
  requested_at: string;
  requested_by: string;
  items: string;
  form_id: string;
  answered_at: string | null;
  fields: string | null;
  body_hash: string | null;
  body: string | null;
  receipt: string | null;
  /** Added by 0007: a leader's reason for a request outside the rule. */
  override_reason: string | null;
}

export interface FormsTable {
  id: string;
  dossier_id: string;
  kind: string;
  number: string;
  issued_at: string;
  staff_id: string;
  /** The form document exactly as issued (what is printed, and later signed). */
  body: string;
}

export interface ResultsTable {
  id: string;
  dossier_id: string;
  file_name: string;
  media_type: string;
  size: ColumnType<number | string | bigint, number, number>;
  sha256: string;
  path: string;
  uploaded_at: string;
  staff_id: string;
}

/** The account a unit's fees are paid into, set by an administrator (0006_payees). */
export interface UnitPayeesTable {
  unit_code: string;
  bank_bin: string;
  account_number: string;
  account_name: string;
  updated_at: string;
  updated_by: string | null;
}

export interface Database {
  units: UnitsTable;
  procedures: ProceduresTable;
  dossiers: DossiersTable;
  attachments: AttachmentsTable;
  code_sequences: CodeSequencesTable;
  timeline: TimelineTable;
  dossier_documents: DossierDocumentsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  holidays: HolidaysTable;
  audit_log: AuditLogTable;
  supplements: SupplementsTable;
  forms: FormsTable;
  results: ResultsTable;
  procedure_versions: ProcedureVersionsTable;
  catalog_meta: CatalogMetaTable;
  templates: TemplatesTable;
  unit_payees: UnitPayeesTable;
}
