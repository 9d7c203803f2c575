// The account CLI against a real data directory: it migrates, creates, refuses duplicates
// and bad input, and the account then signs in to a server on the same data.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { createStaffCli, type CliIo } from '../src/cli/create-staff.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp } from './support/app.ts';
import { login } from './support/desk.ts';
import { tempDir } from './support/stores.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(password = '') {
  const out: string[] = [];
  const err: string[] = [];
  const asked = { count: 0 };
  const cli: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), password: async () => (asked.count++, password) };
  return { cli, out, err, asked };
}

describe('pnpm admin:create', () => {
  test('creates the first admin with the password from HSC_PASSWORD; a second run with the name is refused', async () => {
    const first = io();
    const argv = ['--', '--username', 'quantri', '--name', 'Quản trị viên'];
    expect(await createStaffCli(argv, { DATA_DIR: dir, HSC_PASSWORD: 'mot-mat-khau' }, first.cli)).toBe(0);
    expect(first.out).toEqual(['Created admin quantri (Quản trị viên).']);
    expect(first.asked.count).toBe(0);
    const again = io();
    expect(await createStaffCli(argv, { DATA_DIR: dir, HSC_PASSWORD: 'mot-mat-khau' }, again.cli)).toBe(1);
    expect(again.err.join()).toMatch(/taken/);
  });

  test('asks for the password when the environment has none; officers need a unit that exists', async () => {
    const typed = io('mat-khau-go-vao');
    expect(await createStaffCli(['--username', 'hoa.nt', '--name', 'Nguyễn Thị Hoa', '--role', 'officer', '--unit', '05716'], { DATA_DIR: dir }, typed.cli)).toBe(0);
    expect(typed.asked.count).toBe(1);
    expect(typed.out).toEqual(['Created officer hoa.nt (Nguyễn Thị Hoa) of unit 05716.']);
    const noUnit = io();
    expect(await createStaffCli(['--username', 'x.y', '--name', 'X', '--role', 'leader'], { DATA_DIR: dir, HSC_PASSWORD: 'mat-khau-dai' }, noUnit.cli)).toBe(2);
    expect(noUnit.err.join()).toMatch(/unitCode/);
    const badUnit = io();
    expect(await createStaffCli(['--username', 'x.y', '--name', 'X', '--role', 'leader', '--unit', '99999'], { DATA_DIR: dir, HSC_PASSWORD: 'mat-khau-dai' }, badUnit.cli)).toBe(1);
    const short = io();
    expect(await createStaffCli(['--username', 'x.y', '--name', 'X'], { DATA_DIR: dir, HSC_PASSWORD: 'short' }, short.cli)).toBe(2);
    expect(await createStaffCli(['--username', 'x.y', '--name', 'X', '--role', 'boss'], { DATA_DIR: dir }, io().cli)).toBe(2);
    expect(await createStaffCli(['--name', 'X'], { DATA_DIR: dir }, io().cli)).toBe(2);
  });

  test('--specialist makes an officer one the desk hands dossiers to; a leader cannot be one', async () => {
    const made = io();
    expect(await createStaffCli(['--username', 'chuyen.vien', '--name', 'Chuyên viên', '--role', 'officer', '--unit', '05716', '--specialist'], { DATA_DIR: dir, HSC_PASSWORD: 'mat-khau-dai' }, made.cli)).toBe(0);
    expect(made.out).toEqual(['Created specialist officer chuyen.vien (Chuyên viên) of unit 05716.']);
    const leader = io();
    expect(await createStaffCli(['--username', 'lanh.dao', '--name', 'L', '--role', 'leader', '--unit', '05716', '--specialist'], { DATA_DIR: dir, HSC_PASSWORD: 'mat-khau-dai' }, leader.cli)).toBe(2);
    expect(leader.err.join()).toMatch(/specialist/);
    const store = openSqliteStore(dir);
    try {
      const id = (await store.staff.byUsername('chuyen.vien'))!.id;
      expect((await store.handovers.member(id))?.specialist).toBe(true);
    } finally {
      await store.close();
    }
  });

  test('the accounts sign in to a server on the same data directory', async () => {
    const t = await testApp({ dataDir: dir });
    try {
      expect((await login(t.app, 'quantri', 'mot-mat-khau')).session.user).toMatchObject({ role: 'admin', unitCode: null });
      expect((await login(t.app, 'hoa.nt', 'mat-khau-go-vao')).session.user).toMatchObject({ role: 'officer', unitCode: '05716' });
    } finally {
      await t.app.close();
    }
  });
});
