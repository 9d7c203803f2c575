// `pnpm admin:create|backup|restore|migrate-store|keys:rotate|integration:*`: runs the compiled
// command (server/dist/cli/<name>.js, from server/src/cli/<name>.ts), compiled first when a
// source is newer, so production commands run JavaScript like `pnpm start` does. The arguments
// after the name are the command's own.
//   node scripts/cli.mjs create-staff --username admin --name "Quản trị viên"
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildServer, DIST, isStale } from '../server/build.mjs';

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z-]*$/.test(name)) {
  console.error('usage: node scripts/cli.mjs <command in server/src/cli> [arguments…]');
  process.exit(2);
}
if (isStale()) await buildServer();
const file = `${DIST}/cli/${name}.js`;
if (!existsSync(file)) {
  console.error(`no command ${name} (server/src/cli/${name}.ts)`);
  process.exit(2);
}
// Inherit stdio: admin:create asks for a password on the terminal.
const child = spawn(process.execPath, ['--enable-source-maps', file, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
