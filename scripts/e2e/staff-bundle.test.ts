// The staff console is not part of what a citizen's phone downloads: asserted on the build.
// Its chunks live in assets/staff/, out of the service worker's precache, never in the first
// load and never imported statically by a citizen chunk; the staff device caches them when
// it loads them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstLoad, precached } from '../lib/first-load.ts';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));

describe('the staff console in the build', () => {
  it('is split into assets/staff/', () => {
    expect(existsSync(join(dist, 'index.html')), 'run `pnpm build` first').toBe(true);
    const staff = readdirSync(join(dist, 'assets/staff')).filter((f) => f.endsWith('.js'));
    expect(staff.some((f) => f.startsWith('StaffConsole-'))).toBe(true);
    // Its words and screens are nowhere else.
    const citizen = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const file of citizen) expect(readFileSync(join(dist, 'assets', file), 'utf8'), file).not.toContain('Bàn làm việc một cửa');
  });

  it('is neither precached nor in the first load, and only reached by dynamic import', () => {
    const cached = precached(dist);
    expect(cached.length).toBeGreaterThan(5);
    expect(cached.filter((u) => u.startsWith('assets/staff/'))).toEqual([]);
    expect(firstLoad(dist).files.filter((f) => f.path.includes('assets/staff/'))).toEqual([]);
    for (const file of readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dist, 'assets', file), 'utf8');
      expect(code, `${file} imports a staff chunk statically`).not.toMatch(/from\s*["']\.\/staff\//);
    }
  });

  it('is cached at runtime on the device that opens it', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(sw).toMatch(/registerRoute\(\/\\\/assets\\\/staff\\\/\/,new \w+\.CacheFirst\(\{cacheName:"staff-console"/);
  });
});
