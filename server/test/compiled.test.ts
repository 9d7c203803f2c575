// The production start: the server compiled to JavaScript (server/build.mjs) runs with plain
// node, from another working directory, and still finds what it reads from disk (the seed CSV,
// shared/locales, the repository root and so web/dist); a compiled CLI knows it was started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildServer, isStale } from '../build.mjs';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(serverDir, '.tmp', `dist-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'hsc-compiled-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  await buildServer(outDir);
}, 120_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('the compiled files are fresh right after the build', () => {
  expect(isStale(outDir)).toBe(false);
  expect(isStale(join(outDir, 'nowhere'))).toBe(true);
});

test('node runs the compiled server: ready, the seed units, the lookup page in both languages, no TypeScript loader', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(outDir, 'main.js')], {
    cwd: tmpdir(),
    // NODE_OPTIONS could carry vitest's or tsx's loader; the production start has none.
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    let ready: Response | undefined;
    for (let i = 0; i < 200 && !ready?.ok; i++) {
      if (child.exitCode !== null) throw new Error(`the compiled server exited:\n${output}`);
      ready = await fetch(`${url}/api/health/ready`).catch(() => undefined);
      if (!ready?.ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready?.status, output).toBe(200);
    expect(await ready!.json()).toEqual({ status: 'ok', store: 'sqlite' });
    const units = (await (await fetch(`${url}/api/units`)).json()) as { units: unknown[] };
    expect(units.units).toHaveLength(92);
    // web/dist, found through the repository root (pnpm test builds it before the tests run).
    if (existsSync(join(serverDir, '../web/dist/index.html'))) {
      const shell = await fetch(`${url}/staff`);
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain('<div id="root">');
    }
    const page = await (await fetch(`${url}/tra-cuu`)).text();
    expect(page).toContain('Tra cứu hồ sơ');
    expect(page).toContain('lang="en"');
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}, 60_000);

test('a compiled CLI runs its command', () => {
  const r = spawnSync(process.execPath, [join(outDir, 'cli', 'create-staff.js'), '--username', 'compiled.admin', '--name', 'Quản trị'], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, HSC_PASSWORD: 'a-long-password' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  expect(r.stdout + r.stderr).toContain('compiled.admin');
}, 60_000);
