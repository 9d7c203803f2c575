// A Kysely dialect over PGlite (PostgreSQL compiled to WASM), for machines without a
// PostgreSQL server: the contract suite then still runs on real PostgreSQL semantics instead
// of being skipped. PGlite is one connection, so a mutex hands it to one caller at a time;
// a transaction keeps it from BEGIN to COMMIT, as a pooled connection would. Several Kysely
// instances on one PGlite (two "server processes") share its mutex. Closing a store leaves
// the PGlite running: the harness that made it closes it.
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly db: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Several statements in one text without parameters (pg-boss's `BEGIN; …; COMMIT;`) go by
    // the simple protocol, as node-postgres sends them; the extended one refuses them.
    const several = query.parameters.length === 0 && query.sql.trim().replace(/;$/, '').includes(';');
    const result = several ? ((await this.db.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: undefined }) : await this.db.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows as R[],
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield -- the store never streams
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the PGlite test dialect');
  }
}

/** One queue per PGlite instance: whoever holds it owns the single connection. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}
const mutexes = new WeakMap<PGlite, Mutex>();

class PgliteDriver implements Driver {
  private readonly mutex: Mutex;
  private release: (() => void) | undefined;
  private readonly connection: PgliteConnection;

  constructor(private readonly db: PGlite) {
    this.connection = new PgliteConnection(db);
    const mutex = mutexes.get(db) ?? new Mutex();
    mutexes.set(db, mutex);
    this.mutex = mutex;
  }

  async init(): Promise<void> {
    await this.db.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.mutex.lock();
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {}
}

export class PgliteDialect implements Dialect {
  constructor(private readonly db: PGlite) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = () => new PgliteDriver(this.db);
  createQueryCompiler = () => new PostgresQueryCompiler();
  // Kysely's introspector type wants Kysely<any>; it introspects whatever schema is there.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector = (db: Kysely<any>) => new PostgresIntrospector(db);
}
