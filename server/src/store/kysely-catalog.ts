// CatalogStore on Kysely (SQLite and PostgreSQL). Every change to what phones see goes through
// `apply`, which holds the catalog_meta row lock for its transaction: two administrators, an
// import and several nodes seeding at start all queue there, so versions never collide.
import { Procedure, ProcedureDef, ProcedureStatus } from '@hsc/shared';
import { sql, type Kysely, type Migration, type Selectable } from 'kysely';
import type { CatalogChange, CatalogStore, ProcedureRow, TemplateRecord } from './catalog-store.ts';
import type { Database, ProceduresTable } from './schema.ts';

/** Migration 0004: procedure versions, drafts and status, the catalog version, templates, pinned dossiers. */
export const m0004Catalog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('procedures').addColumn('status', 'text', (c) => c.notNull().defaultTo('published')).execute();
    await db.schema.alterTable('procedures').addColumn('version', 'integer').execute();
    await db.schema.alterTable('procedures').addColumn('draft', 'text').execute();
    await db.schema.alterTable('procedures').addColumn('changed_at', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('procedure_versions')
      .addColumn('code', 'text', (c) => c.notNull().references('procedures.code'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('catalog_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('procedure_versions_pk', ['code', 'version'])
      .execute();
    await db.schema
      .createTable('catalog_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .execute();
    // Dossiers received before versions existed were filled against what is now version 1.
    await db.schema.alterTable('dossiers').addColumn('procedure_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

    // Every procedure already served becomes its own version 1, published in catalog version 1.
    const typed = db as unknown as Kysely<Database>;
    const rows = await typed.selectFrom('procedures').select(['code', 'body', 'updated_at']).execute();
    for (const r of rows) {
      const body = JSON.stringify({ ...(JSON.parse(r.body) as object), version: 1 });
      await typed.insertInto('procedure_versions').values({ code: r.code, version: 1, body, published_at: r.updated_at, catalog_version: 1 }).execute();
      await typed.updateTable('procedures').set({ body, version: 1, changed_at: 1 }).where('code', '=', r.code).execute();
    }
    await typed.insertInto('catalog_meta').values({ key: 'version', value: rows.length ? 1 : 0 }).execute();
  },
};

const parsePublished = (body: string): Procedure => JSON.parse(body) as Procedure;

function toRow(r: Selectable<ProceduresTable>): ProcedureRow {
  return {
    code: r.code,
    status: ProcedureStatus.parse(r.status),
    version: r.version === null ? null : Number(r.version),
    ...(r.body ? { published: Procedure.parse(JSON.parse(r.body)) } : {}),
    ...(r.draft ? { draft: ProcedureDef.parse(JSON.parse(r.draft)) } : {}),
    source: r.source === 'seed' ? 'seed' : 'admin',
    position: Number(r.position),
    updatedAt: r.updated_at,
  };
}

export class KyselyCatalogStore implements CatalogStore {
  constructor(private readonly db: Kysely<Database>) {}

  async version(): Promise<number> {
    const row = await this.db.selectFrom('catalog_meta').select('value').where('key', '=', 'version').executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  async published(): Promise<Procedure[]> {
    // Written by `apply` after validation: read back without re-validating 300 procedures per request.
    const rows = await this.db.selectFrom('procedures').select('body').where('status', '=', 'published').orderBy('position').orderBy('code').execute();
    return rows.map((r) => parsePublished(r.body));
  }

  async changedSince(since: number): Promise<{ procedures: Procedure[]; retired: string[] }> {
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'status', 'body'])
      .where('changed_at', '>', since)
      .where('status', 'in', ['published', 'retired'])
      .orderBy('position')
      .orderBy('code')
      .execute();
    return {
      procedures: rows.filter((r) => r.status === 'published').map((r) => parsePublished(r.body)),
      retired: rows.filter((r) => r.status === 'retired').map((r) => r.code),
    };
  }

  async list(): Promise<ProcedureRow[]> {
    return (await this.db.selectFrom('procedures').selectAll().orderBy('position').orderBy('code').execute()).map(toRow);
  }

  async get(code: string): Promise<ProcedureRow | undefined> {
    const row = await this.db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toRow(row) : undefined;
  }

  async getVersion(code: string, version: number): Promise<Procedure | undefined> {
    const row = await this.db.selectFrom('procedure_versions').select('body').where('code', '=', code).where('version', '=', version).executeTakeFirst();
    return row ? parsePublished(row.body) : undefined;
  }

  async saveDraft(def: ProcedureDef, at: string): Promise<ProcedureRow> {
    const draft = JSON.stringify(def);
    return this.db.transaction().execute(async (tx) => {
      const { next } = await tx
        .selectFrom('procedures')
        .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('procedures')
        .values({ code: def.code, position: Number(next), body: '', source: 'admin', updated_at: at, status: 'draft', version: null, draft, changed_at: 0 })
        .onConflict((oc) => oc.column('code').doUpdateSet({ draft, source: 'admin', updated_at: at }))
        .execute();
      return toRow(await tx.selectFrom('procedures').selectAll().where('code', '=', def.code).executeTakeFirstOrThrow());
    });
  }

  async discardDraft(code: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('procedures').select(['draft', 'version']).where('code', '=', code).executeTakeFirst();
      if (!row?.draft) return false;
      if (row.version === null) await tx.deleteFrom('procedures').where('code', '=', code).execute();
      else await tx.updateTable('procedures').set({ draft: null, updated_at: at }).where('code', '=', code).execute();
      return true;
    });
  }

  async apply<T>(at: string, decide: (rows: ProcedureRow[]) => { changes: CatalogChange[]; result: T }) {
    return this.db.transaction().execute(async (tx) => {
      // A write to the one catalog_meta row: on PostgreSQL it holds the row lock until commit.
      const current = await tx
        .updateTable('catalog_meta')
        .set({ value: sql`value` })
        .where('key', '=', 'version')
        .returning('value')
        .executeTakeFirstOrThrow();
      const rows = (await tx.selectFrom('procedures').selectAll().orderBy('position').orderBy('code').execute()).map(toRow);
      const { changes, result } = decide(rows);
      if (changes.length === 0) return { version: Number(current.value), changes, result };

      const version = Number(current.value) + 1;
      await tx.updateTable('catalog_meta').set({ value: version }).where('key', '=', 'version').execute();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      let position = rows.reduce((max, r) => Math.max(max, r.position), -1) + 1;
      for (const c of changes) {
        if (c.kind === 'publish') {
          const row = byCode.get(c.def.code);
          const next = (row?.version ?? 0) + 1;
          const body = JSON.stringify(Procedure.parse({ ...c.def, version: next }));
          const set = { body, version: next, status: 'published', draft: null, changed_at: version, source: c.source, updated_at: at };
          if (row) await tx.updateTable('procedures').set(set).where('code', '=', c.def.code).execute();
          else await tx.insertInto('procedures').values({ code: c.def.code, position: position++, ...set }).execute();
          await tx.insertInto('procedure_versions').values({ code: c.def.code, version: next, body, published_at: at, catalog_version: version }).execute();
        } else {
          await tx
            .updateTable('procedures')
            .set({ status: c.kind === 'retire' ? 'retired' : 'published', changed_at: version, source: 'admin', updated_at: at })
            .where('code', '=', c.code)
            .execute();
        }
      }
      return { version, changes, result };
    });
  }

  async putTemplate(t: TemplateRecord): Promise<void> {
    await this.db
      .insertInto('templates')
      .values({ id: t.id, file_name: t.fileName, media_type: t.mediaType, size: t.size, sha256: t.sha256, path: t.path, uploaded_at: t.uploadedAt, staff_id: t.staffId })
      .execute();
  }

  async getTemplate(id: string): Promise<TemplateRecord | undefined> {
    const r = await this.db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
    return r
      ? { id: r.id, fileName: r.file_name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256, path: r.path, uploadedAt: r.uploaded_at, staffId: r.staff_id }
      : undefined;
  }
}

