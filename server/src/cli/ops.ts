// What the operator's commands (backup, restore, migrate-store) share: the manifest with a
// SHA-256 of every file, walking and copying folders with the server's file modes, the
// PostgreSQL client tools, and the error that carries a message for the operator.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { ConfigError, loadConfig, REPO_ROOT, type ServerConfig } from '../config.ts';
import { MIGRATIONS } from '../store/migrations.ts';

/** A problem the operator can fix; its message is printed as it is, without a stack. */
export class OperatorError extends Error {
  override name = 'OperatorError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The same environment as `pnpm start`; a bad one is an operator error (exit 2). */
export function configFrom(env: NodeJS.ProcessEnv): ServerConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new OperatorError(e.message, 2);
    throw e;
  }
}

/** Runs a command body, printing an OperatorError's message; returns the exit code. */
export async function runCommand(io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof OperatorError) {
      io.err(e.message);
      return e.exitCode;
    }
    throw e;
  }
}

/**
 * The arguments of a command that names one folder (backup, restore): the folder, resolved where
 * the operator typed it, and `--force` where the command takes it; undefined once `--help` has
 * printed the usage. A wrong argument is an operator error (exit 2) that shows the usage.
 */
export function folderArgs(argv: string[], env: NodeJS.ProcessEnv, io: Io, usage: string, takesForce = false): { dir: string; force: boolean } | undefined {
  const options = { help: { type: 'boolean' as const }, ...(takesForce ? { force: { type: 'boolean' as const, default: false } } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv.filter((a) => a !== '--'), allowPositionals: true, options });
  } catch (e) {
    throw new OperatorError(`${(e as Error).message}\n${usage}`, 2);
  }
  if (parsed.values.help) {
    io.out(usage);
    return undefined;
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0) throw new OperatorError(usage, 2);
  return { dir: operatorPath(env, dir), force: (parsed.values as { force?: boolean }).force === true };
}

// ---- Files ----

/** A folder the operator typed: relative to where they typed it (pnpm runs scripts from the root). */
export const operatorPath = (env: NodeJS.ProcessEnv, path: string) => resolve(env.INIT_CWD ?? process.cwd(), path);

export const sha256Stream = async (stream: Readable): Promise<{ sha256: string; size: number }> => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
};

export const sha256File = (path: string) => sha256Stream(createReadStream(path));

/** Every regular file under `root`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies one file, 0600 in 0700 folders (people's data and keys), and makes it durable. */
export async function copyPrivate(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await copyFile(from, to);
  await chmod(to, 0o600);
  await fsync(to);
}

/** A folder only the server's user may enter: made if missing, must be empty. */
export async function emptyPrivateDir(dir: string, what: string): Promise<void> {
  if (existsSync(dir)) {
    if (!(await stat(dir)).isDirectory()) throw new OperatorError(`${dir} is a file, not a folder: give ${what} a new or empty folder.`);
    if ((await readdir(dir)).length > 0) throw new OperatorError(`${dir} is not empty: give ${what} a new or empty folder (nothing was written).`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

// ---- The manifest ----

export const MANIFEST = 'manifest.json';
export const SQLITE_COPY = 'hosocong.sqlite';
export const PG_DUMP_FILE = 'database.dump';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'hosocong-backup';
  formatVersion: 1;
  kind: 'sqlite' | 'postgres';
  createdAt: string;
  app: AppVersion;
  /** PostgreSQL: the schema that was dumped. */
  schema?: string;
  /** Fingerprints of the key-encryption keys that sealed the private keys in the database (never a key). */
  kekIds: string[];
  /** SQLite: whether keys/kek (the KEK file made when KEY_ENCRYPTION_KEY is unset) is in the backup. */
  kekFileIncluded?: boolean;
  counts: { dossiers: number; attachments: number; storedFiles: number };
  /** SQLite: stored files the database names that were not in DATA_DIR/files when it was backed up. */
  missingFiles?: string[];
  files: ManifestFile[];
}

export interface AppVersion {
  version: string;
  commit: string | null;
  /** The last database migration applied to the data backed up. */
  migration: string;
}

export const latestMigration = () => Object.keys(MIGRATIONS).sort().at(-1)!;

export function appVersion(migration: string): AppVersion {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    // A release without its git folder: the migration name still says which schema it holds.
  }
  return { version: pkg.version ?? 'unversioned', commit, migration };
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const path = join(dir, MANIFEST);
  await writeFile(path, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  await fsync(path);
  await fsync(dir);
}

/** Hashes the listed files of `root` for the manifest. */
export async function describeFiles(root: string, paths: readonly string[]): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const path of paths) files.push({ path, ...(await sha256File(join(root, path))) });
  return files;
}

/**
 * Reads the manifest of a backup folder and checks every file against it. Throws an
 * OperatorError listing every problem (missing, other size, other SHA-256, not in the manifest).
 */
export async function checkBackup(dir: string): Promise<BackupManifest> {
  if (!existsSync(dir)) throw new OperatorError(`${dir} does not exist.`);
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new OperatorError(`${dir} has no ${MANIFEST}: it is not a backup made by pnpm backup, or the backup did not finish. Nothing was restored.`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BackupManifest;
  } catch {
    throw new OperatorError(`${manifestPath} is not valid JSON: the backup is damaged. Nothing was restored.`);
  }
  if (manifest.format !== 'hosocong-backup' || manifest.formatVersion !== 1 || !Array.isArray(manifest.files)) {
    throw new OperatorError(`${manifestPath} is not a Hồ sơ công backup manifest (format 1). Nothing was restored.`);
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const path = join(dir, f.path);
    if (f.path.split('/').includes('..') || !existsSync(path)) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    const got = await sha256File(path);
    if (got.size !== f.size) problems.push(`${f.path}: ${got.size} bytes, the manifest says ${f.size}`);
    else if (got.sha256 !== f.sha256) problems.push(`${f.path}: its SHA-256 is not the one in the manifest (the file was changed or damaged)`);
  }
  for (const path of await listFiles(dir)) {
    if (path !== MANIFEST && !listed.has(path)) problems.push(`${path}: not in the manifest`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  ${p}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    throw new OperatorError(`The backup in ${dir} does not match its manifest, so nothing was restored:\n${shown.join('\n')}`);
  }
  const known = Object.keys(MIGRATIONS);
  if (!known.includes(manifest.app.migration)) {
    throw new OperatorError(
      `This backup was made by a newer version of the app (its database is at migration ${manifest.app.migration}; this version knows up to ${latestMigration()}). Update the app, then restore. Nothing was restored.`,
    );
  }
  return manifest;
}

// ---- PostgreSQL ----

/** The schema a DATABASE_URL's connections work in: the first of its search_path (public by default). */
export async function targetSchema(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new OperatorError(`Cannot connect to the PostgreSQL database in DATABASE_URL: ${(e as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ search_path: string }>('show search_path');
    const entries = rows[0]!.search_path.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    return entries.find((s) => s !== '$user' && s !== '') ?? 'public';
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const run = promisify(execFile);

/** The major version of a PostgreSQL client tool, or an OperatorError saying how to install it. */
export async function clientMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  try {
    const { stdout } = await run(tool, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    return m ? Number(m[1]) : 0;
  } catch {
    throw new OperatorError(`${tool} was not found. Install the PostgreSQL client of the server's version (Debian: apt-get install -y postgresql-client-15, or postgresql-client).`);
  }
}

/** Refuses a client older than the server: pg_dump cannot dump a newer server. */
export async function checkClient(tool: 'pg_dump' | 'pg_restore', client: pg.Client): Promise<void> {
  const major = await clientMajor(tool);
  const { rows } = await client.query<{ v: string }>('show server_version_num');
  const server = Math.floor(Number(rows[0]!.v) / 10000);
  if (major < server) {
    throw new OperatorError(`${tool} is version ${major} but the server is PostgreSQL ${server}: install postgresql-client-${server} (Debian) and run the command again.`);
  }
}

/**
 * A DATABASE_URL for a client tool's command line without its password, which goes to the
 * tool's PGPASSWORD instead: other users of the machine can read a process's arguments.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password;
  if (!password) return { dbname: url, env: process.env };
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, PGPASSWORD: decodeURIComponent(password) } };
}

/** Runs a PostgreSQL tool; its own error text is passed on to the operator. */
export async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024, env });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new OperatorError(`${tool} failed:\n${(err.stderr || err.message).trim()}`);
  }
}
