// `pnpm start`: builds what is missing, then serves the PWA and the API from one process
// (PORT, HOST, DATA_DIR, DATABASE_URL … are read by the server's config). The server runs as
// compiled JavaScript (server/dist, made by server/build.mjs): nothing is compiled at run time,
// and it is compiled again here whenever a source is newer than it. The PWA is built on first
// start only (`pnpm build` rebuilds both after a change to the web app).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildServer, DIST, isStale } from '../server/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(`${root}/web/dist/index.html`)) {
  console.log('Building the web app (first start)…');
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (isStale()) {
  console.log('Compiling the server…');
  await buildServer();
}

// Source maps: a stack trace in the log names the TypeScript file and line.
const server = spawn(process.execPath, ['--enable-source-maps', `${DIST}/main.js`], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
