// Compiles the server to JavaScript for production: one ESM file per entry point (src/main.ts
// → dist/main.js, src/cli/<name>.ts → dist/cli/<name>.js), with the workspace's shared code
// bundled in and every package of server/package.json left as an import (native addons such
// as better-sqlite3 and @node-rs/argon2 cannot be bundled, @fastify/swagger-ui reads its own
// files from its folder, and pnpm has them in server/node_modules anyway).
//
// Files that find what they read from disk by `import.meta.url` (the repository root, the
// shared/locales JSON, the seed CSV) keep their own location: in a bundle, import.meta.url
// would be the bundle's, so each such module's import.meta.url is rewritten to its source
// file's URL, computed from the bundle's at run time. The entry point's own import.meta.url
// stays the bundle's (a CLI compares it with process.argv[1] to know it was started).
//
//   node server/build.mjs             build
//   node server/build.mjs --if-stale  build only when dist is missing or older than a source
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const serverDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(serverDir, '..');
export const DIST = join(serverDir, 'dist');
/** What the compiled server is made of; a change to any of these makes dist stale. */
const SOURCES = [join(serverDir, 'src'), join(repoRoot, 'shared/src'), join(serverDir, 'package.json'), join(repoRoot, 'shared/package.json'), fileURLToPath(import.meta.url)];

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

function entryPoints() {
  const cli = join(serverDir, 'src/cli');
  return [join(serverDir, 'src/main.ts'), ...readdirSync(cli).filter(isSource).map((f) => join(cli, f))];
}

const outFileOf = (entry, outDir = DIST) => join(outDir, relative(join(serverDir, 'src'), entry).replace(/\.ts$/, '.js'));

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder
  for (const e of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestMtime(join(path, e.name)));
  return newest;
}

/** True when an entry point has no compiled file, or a source changed after the oldest one. */
export function isStale(outDir = DIST) {
  let oldest = Infinity;
  for (const entry of entryPoints()) {
    try {
      oldest = Math.min(oldest, statSync(outFileOf(entry, outDir)).mtimeMs);
    } catch {
      return true;
    }
  }
  return Math.max(...SOURCES.map(newestMtime)) > oldest;
}

/** import.meta.url of a module → its source file's URL, relative to the bundle at `outFile`. */
function keepModuleUrls(entry, outFile) {
  return {
    name: 'keep-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (args.path === entry || !text.includes('import.meta.url')) return undefined;
        const rel = relative(dirname(outFile), args.path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * `outDir` must be inside server/ (tests use server/.tmp/…): the compiled files find their
 * packages in server/node_modules the way Node always does, by walking up.
 */
export async function buildServer(outDir = DIST) {
  const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@hsc/'));
  for (const entry of entryPoints()) {
    const outfile = outFileOf(entry, outDir);
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Each package and its subpaths (`pg`, `@tus/server`, `kysely/helpers/postgres`).
      external: external.flatMap((name) => [name, `${name}/*`]),
      sourcemap: 'linked',
      // Class and function names stay as written (logs, error names).
      keepNames: true,
      logLevel: 'warning',
      plugins: [keepModuleUrls(entry, outfile)],
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  const started = Date.now();
  await buildServer();
  console.log(`server compiled to ${relative(process.cwd(), DIST) || '.'} in ${Date.now() - started} ms`);
}
