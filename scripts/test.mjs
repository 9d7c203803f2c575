// `pnpm test`: type-checks every package, lints (`pnpm lint`: ESLint, then dependency-cruiser's
// import boundaries), builds the PWA (the browser tests run against the real build served by the
// real server), then runs every Vitest project: shared, server (SQLite and PostgreSQL), web
// (jsdom + fake-indexeddb) and the Chromium end-to-end tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('pnpm', ['run', 'typecheck']);
run('pnpm', ['run', 'lint']);
run('pnpm', ['run', 'build']);
run('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)]);
