// The catalog: what phones receive (the whole list, or what changed since a version they hold),
// and what an administrator does with it (drafts, publish, retire, import, export). Every change
// phones can see goes through CatalogStore.apply, so each is atomic and counted in the version.
import {
  CATALOG_FORMAT,
  CatalogFile,
  catalogProblems,
  ProcedureDef,
  type AdminProcedure,
  type Catalog,
  type CatalogFileEntry,
  type CatalogImportResult,
  type CatalogProblem,
  type CatalogWords,
  type Procedure,
  type Unit,
} from '@hsc/shared';
import { canonicalize } from '@hsc/shared/canonical';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { CatalogChange, ProcedureRow, TemplateRecord } from '../store/catalog-store.ts';
import type { Store } from '../store/store.ts';
import { storeUploadedFile, type StoreFileOutcome } from './stored-file.ts';

export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
export const TEMPLATE_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
] as const;

/** A published procedure as its definition (what an administrator wrote), without its version. */
export function definitionOf(p: Procedure): ProcedureDef {
  const { version: _version, ...def } = p;
  return ProcedureDef.parse(def);
}

const sameDefinition = (a: ProcedureDef, b: ProcedureDef) => canonicalize(ProcedureDef.parse(a)) === canonicalize(ProcedureDef.parse(b));

export function toAdmin(row: ProcedureRow): AdminProcedure {
  return {
    code: row.code,
    status: row.status,
    version: row.version,
    ...(row.published ? { published: row.published } : {}),
    ...(row.draft ? { draft: row.draft } : {}),
    updatedAt: row.updatedAt,
  };
}

/** The changes a catalog file makes to the rows as they are: the file is the whole catalog. */
export function planImport(rows: readonly ProcedureRow[], entries: readonly CatalogFileEntry[]) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const changes: CatalogChange[] = [];
  const result = { added: [] as string[], changed: [] as string[], retired: [] as string[], unchanged: 0 };
  const listed = new Set<string>();
  for (const { status, ...def } of entries) {
    listed.add(def.code);
    const row = byCode.get(def.code);
    const wantRetired = status === 'retired';
    const published = row?.published;
    const isNew = !published;
    const contentChanged = !published || !sameDefinition(definitionOf(published), def);
    if (contentChanged) changes.push({ kind: 'publish', def, source: 'admin' });
    if (wantRetired && (contentChanged || row?.status !== 'retired')) changes.push({ kind: 'retire', code: def.code });
    if (!wantRetired && !contentChanged && row?.status === 'retired') changes.push({ kind: 'restore', code: def.code });

    if (isNew) result.added.push(def.code);
    else if (wantRetired && row?.status !== 'retired') result.retired.push(def.code);
    else if (contentChanged || (!wantRetired && row?.status === 'retired')) result.changed.push(def.code);
    else result.unchanged++;
  }
  for (const row of rows) {
    if (row.status === 'published' && !listed.has(row.code)) {
      changes.push({ kind: 'retire', code: row.code });
      result.retired.push(row.code);
    }
  }
  return { changes, result };
}

/** The shipped seed: new procedures published, changed ones republished unless an administrator took them over. */
export function planSeed(rows: readonly ProcedureRow[], seed: readonly ProcedureDef[]) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const changes: CatalogChange[] = [];
  for (const def of seed) {
    const row = byCode.get(def.code);
    if (!row) changes.push({ kind: 'publish', def, source: 'seed' });
    else if (row.source === 'seed' && row.status === 'published' && row.published && !sameDefinition(definitionOf(row.published), def)) {
      changes.push({ kind: 'publish', def, source: 'seed' });
    }
  }
  return { changes, result: undefined };
}

export type TemplateOutcome = { kind: 'ok'; template: TemplateRecord } | Exclude<StoreFileOutcome, { kind: 'ok' }>;

export type AdminOutcome = { kind: 'ok'; procedure: AdminProcedure } | { kind: 'not_found' } | { kind: 'conflict' };

export class CatalogService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly tmpDir: string,
    private readonly now: () => Date,
  ) {}

  /**
   * The whole published catalog. The version is read before the procedures: a change committed
   * in between is then sent again with the next delta, never skipped.
   */
  async catalog(): Promise<Catalog> {
    const version = await this.store.catalog.version();
    return { version: String(version), procedures: await this.store.catalog.published() };
  }

  /** What changed after `since`; anything that is not a version this server issued gets the whole list. */
  async since(since: string): Promise<Catalog> {
    const version = await this.store.catalog.version();
    const from = /^\d{1,12}$/.test(since) ? Number(since) : NaN;
    if (!(from >= 1 && from <= version)) return { ...(await this.catalog()), delta: false };
    const changed = await this.store.catalog.changedSince(from);
    return { version: String(version), procedures: changed.procedures, retired: changed.retired, delta: true };
  }

  /** The current published form of a procedure (not a retired one), or one given version of it. */
  async procedure(code: string, version?: number): Promise<Procedure | undefined> {
    if (version !== undefined) return this.store.catalog.getVersion(code, version);
    const row = await this.store.catalog.get(code);
    return row?.status === 'published' ? row.published : undefined;
  }

  async units(): Promise<Unit[]> {
    return (await this.store.listUnits()).map(({ code, name, type }) => ({ code, name, type }));
  }

  async seed(defs: readonly ProcedureDef[]): Promise<void> {
    await this.store.catalog.apply(this.now().toISOString(), (rows) => planSeed(rows, defs));
  }

  // ---- the administrator ----

  async list(): Promise<{ procedures: AdminProcedure[]; version: string }> {
    const [version, rows] = await Promise.all([this.store.catalog.version(), this.store.catalog.list()]);
    return { procedures: rows.map(toAdmin), version: String(version) };
  }

  async get(code: string): Promise<AdminProcedure | undefined> {
    const row = await this.store.catalog.get(code);
    return row ? toAdmin(row) : undefined;
  }

  async saveDraft(def: ProcedureDef): Promise<AdminProcedure> {
    return toAdmin(await this.store.catalog.saveDraft(def, this.now().toISOString()));
  }

  async discardDraft(code: string): Promise<AdminOutcome> {
    const row = await this.store.catalog.get(code);
    if (!row?.draft) return { kind: 'not_found' };
    await this.store.catalog.discardDraft(code, this.now().toISOString());
    const after = await this.store.catalog.get(code);
    return after ? { kind: 'ok', procedure: toAdmin(after) } : { kind: 'not_found' };
  }

  async publish(code: string): Promise<AdminOutcome> {
    const row = await this.store.catalog.get(code);
    // A draft identical to what phones already have is no new version: every phone would
    // download it again for nothing.
    if (row?.draft && row.published && sameDefinition(definitionOf(row.published), row.draft)) {
      await this.store.catalog.discardDraft(code, this.now().toISOString());
      return { kind: 'ok', procedure: toAdmin((await this.store.catalog.get(code))!) };
    }
    return this.change(code, (r) => (r.draft ? [{ kind: 'publish', def: r.draft, source: 'admin' }] : null));
  }

  retire(code: string): Promise<AdminOutcome> {
    return this.change(code, (row) => (row.status === 'published' ? [{ kind: 'retire', code }] : null));
  }

  restore(code: string): Promise<AdminOutcome> {
    return this.change(code, (row) => (row.status === 'retired' ? [{ kind: 'restore', code }] : null));
  }

  /** `plan` answers null when the step does not apply to the row as it is (a 409). */
  private async change(code: string, plan: (row: ProcedureRow) => CatalogChange[] | null): Promise<AdminOutcome> {
    const { result } = await this.store.catalog.apply(this.now().toISOString(), (rows) => {
      const row = rows.find((r) => r.code === code);
      if (!row) return { changes: [], result: 'not_found' as const };
      const changes = plan(row);
      return changes ? { changes, result: 'ok' as const } : { changes: [], result: 'conflict' as const };
    });
    if (result !== 'ok') return { kind: result };
    return { kind: 'ok', procedure: toAdmin((await this.store.catalog.get(code))!) };
  }

  /** Checks a catalog file and, unless `dryRun`, publishes its changes all at once. */
  async import(file: unknown, opts: { dryRun: boolean; words: CatalogWords }): Promise<CatalogImportResult> {
    const none = { added: [], changed: [], retired: [], unchanged: 0 };
    const parsed = CatalogFile.safeParse(file);
    if (!parsed.success) return { ...none, errors: catalogProblems(parsed.error, opts.words) };
    const errors = await this.fileProblems(parsed.data, opts.words);
    if (errors.length > 0) return { ...none, errors };
    if (opts.dryRun) return { ...planImport(await this.store.catalog.list(), parsed.data.procedures).result, errors: [] };
    const { version, result } = await this.store.catalog.apply(this.now().toISOString(), (rows) => planImport(rows, parsed.data.procedures));
    return { ...result, errors: [], version: String(version) };
  }

  /** What the schema cannot see: a code twice in the file, a template the server does not hold. */
  private async fileProblems(file: CatalogFile, catalogWord: CatalogWords): Promise<CatalogProblem[]> {
    const problems: CatalogProblem[] = [];
    const seen = new Set<string>();
    for (const [i, p] of file.procedures.entries()) {
      if (seen.has(p.code)) problems.push({ path: `procedures[${i}].code`, message: catalogWord('duplicateCode', { key: p.code }) });
      seen.add(p.code);
      for (const [j, slot] of p.documents.entries()) {
        const t = slot.template;
        if (!t) continue;
        const held = await this.store.catalog.getTemplate(t.id);
        if (!held || held.sha256 !== t.sha256) problems.push({ path: `procedures[${i}].documents[${j}].template`, message: catalogWord('unknownTemplate') });
      }
    }
    return problems;
  }

  /** The published catalog as a file: retired procedures stay listed (as retired), drafts are not catalog. */
  async export(): Promise<CatalogFile> {
    const rows = await this.store.catalog.list();
    const procedures = rows.flatMap((r) => (r.published ? [{ ...definitionOf(r.published), ...(r.status === 'retired' ? { status: 'retired' as const } : {}) }] : []));
    return { format: CATALOG_FORMAT, formatVersion: 1, procedures };
  }

  async uploadTemplate(body: Readable, mediaType: string, fileName: string, staffId: string): Promise<TemplateOutcome> {
    const stored = await storeUploadedFile(this.blobs, this.tmpDir, body, mediaType, { maxBytes: TEMPLATE_MAX_BYTES, accepted: TEMPLATE_MEDIA_TYPES });
    if (stored.kind !== 'ok') return stored;
    const template: TemplateRecord = { id: stored.id, fileName, mediaType, size: stored.size, sha256: stored.sha256, path: stored.path, uploadedAt: this.now().toISOString(), staffId };
    await this.store.catalog.putTemplate(template);
    return { kind: 'ok', template };
  }

  async template(id: string): Promise<{ record: TemplateRecord; stream: Readable } | undefined> {
    const record = await this.store.catalog.getTemplate(id);
    if (!record || (await this.blobs.size(record.path)) !== record.size) return undefined;
    return { record, stream: this.blobs.read(record.path) };
  }
}
