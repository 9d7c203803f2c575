// Table types for Kysely. Instants are ISO-8601 UTC text and JSON is text on both databases:
// the receipt must come back byte for byte as issued, which `jsonb` would not guarantee.
import type { ColumnType } from 'kysely';

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

export interface Database {
  units: UnitsTable;
  procedures: ProceduresTable;
  dossiers: DossiersTable;
  attachments: AttachmentsTable;
  code_sequences: CodeSequencesTable;
  timeline: TimelineTable;
}
