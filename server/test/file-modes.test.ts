// The data directory holds people's names, ID numbers and photos of their papers: every folder
// the server makes is 0700 and every file 0600, whatever the umask (the usual 022 would leave
// them readable by every user of the machine).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SQLITE_FILE } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { sendDossier, VO_NHAI } from './support/desk.ts';
import { testFile, uploadMetadata } from './support/fixtures.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

function walk(dir: string): { dirs: string[]; files: string[] } {
  const out = { dirs: [dir], files: [] as string[] };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = walk(p);
      out.dirs.push(...sub.dirs);
      out.files.push(...sub.files);
    } else out.files.push(p);
  }
  return out;
}

describe.runIf(process.platform !== 'win32')('data file modes', () => {
  test('folders 0700, files 0600: the database and its -wal/-shm, stored pages, unfinished upload parts, keys', async () => {
    t = await testApp({ demo: true });
    await sendDossier(t.app, VO_NHAI);
    const part = testFile('idCard');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(part.bytes.length), 'upload-metadata': uploadMetadata(crypto.randomUUID(), part.ref) },
    });
    expect(started.statusCode).toBe(201);

    const { dirs, files } = walk(t.dataDir);
    const names = files.map((f) => f.slice(t!.dataDir.length + 1));
    expect(names).toEqual(expect.arrayContaining([SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]));
    expect(names.some((n) => n.startsWith('files/') && n.split('/').length === 3)).toBe(true);
    expect(names.filter((n) => n.startsWith('uploads/'))).toHaveLength(2); // the part and its metadata
    expect(dirs.length).toBeGreaterThanOrEqual(5); // data, uploads, files, files/xx, keys
    for (const d of dirs) expect(`${d}: ${mode(d)}`).toBe(`${d}: 700`);
    for (const f of files) expect(`${f}: ${mode(f)}`).toBe(`${f}: 600`);
  });
});
