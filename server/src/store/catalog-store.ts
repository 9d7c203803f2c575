// The procedures as managed data: a row per procedure (its status, last publication and
// unpublished draft), every published version kept immutable, and one catalog version that
// counts changes so a phone can ask for what changed since the version it holds.
import type { Procedure, ProcedureDef, ProcedureStatus, TemplateRef } from '@hsc/shared';

export interface ProcedureRow {
  code: string;
  status: ProcedureStatus;
  /** The last published version; null while only a draft exists. */
  version: number | null;
  published?: Procedure;
  draft?: ProcedureDef;
  /** `seed`: follows the shipped catalog; `admin`: an administrator has taken it over. */
  source: 'seed' | 'admin';
  position: number;
  updatedAt: string;
}

/** One change to the published catalog; a batch of them is applied in one transaction. */
export type CatalogChange =
  | { kind: 'publish'; def: ProcedureDef; source: 'seed' | 'admin' }
  | { kind: 'retire'; code: string }
  | { kind: 'restore'; code: string };

export interface TemplateRecord extends TemplateRef {
  path: string;
  uploadedAt: string;
  staffId: string;
}

export interface CatalogStore {
  /** The catalog version: 0 before anything was published, +1 for each applied batch. */
  version(): Promise<number>;
  /** Published (not retired) procedures in catalog order. */
  published(): Promise<Procedure[]>;
  /** What changed in batches after `since`: published ones in their current form, and retired codes. */
  changedSince(since: number): Promise<{ procedures: Procedure[]; retired: string[] }>;
  list(): Promise<ProcedureRow[]>;
  get(code: string): Promise<ProcedureRow | undefined>;
  /** One published version, forever (dossiers are processed against the version they were filled in). */
  getVersion(code: string, version: number): Promise<Procedure | undefined>;
  /** Creates the row as a draft when the code is new. */
  saveDraft(def: ProcedureDef, at: string): Promise<ProcedureRow>;
  /** False when there was no draft. A never-published procedure disappears with its draft. */
  discardDraft(code: string, at: string): Promise<boolean>;
  /**
   * Locks the catalog, lets `decide` choose the changes from the rows as they are inside the
   * transaction, and applies them all or none. The version grows by one when there are changes.
   */
  apply<T>(at: string, decide: (rows: ProcedureRow[]) => { changes: CatalogChange[]; result: T }): Promise<{ version: number; changes: CatalogChange[]; result: T }>;

  putTemplate(t: TemplateRecord): Promise<void>;
  getTemplate(id: string): Promise<TemplateRecord | undefined>;
}
