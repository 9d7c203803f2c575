// The environment is validated once; a bad value names its variable.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_TRACK_RATE_LIMIT, loadConfig, REPO_ROOT } from '../src/config.ts';
import { openStore } from '../src/store/index.ts';
import { tempDir } from './support/stores.ts';

describe('loadConfig', () => {
  test('defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: join(REPO_ROOT, 'data'),
      webRoot: join(REPO_ROOT, 'web/dist'),
      databaseUrl: undefined,
      trackRateLimit: DEFAULT_TRACK_RATE_LIMIT,
      demo: false,
    });
    expect(loadConfig({ DEMO: '1' }).demo).toBe(true);
  });

  test('values from the environment; empty means unset', () => {
    const kek = Buffer.alloc(32, 7);
    const c = loadConfig({ PORT: '9000', HOST: '127.0.0.1', DATA_DIR: '/srv/hsc', DATABASE_URL: 'postgres://u@db/hsc', KEY_ENCRYPTION_KEY: kek.toString('base64'), TRACK_RATE_LIMIT: '5', WEB_ROOT: '' });
    expect(c.keyEncryptionKey).toEqual(kek);
    expect(c).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/srv/hsc', databaseUrl: 'postgres://u@db/hsc', trackRateLimit: { max: 5 } });
    expect(c.webRoot).toBe(join(REPO_ROOT, 'web/dist'));
  });

  test.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['TRUST_PROXY', 'maybe'],
    ['DEMO', 'yes please'],
  ])('a bad %s is named', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}`));
  });
});

test('DATABASE_URL selects PostgreSQL, its absence the SQLite file', async () => {
  const pgStore = openStore({ dataDir: '/nonexistent', databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
  expect(pgStore.kind).toBe('postgres');
  await pgStore.close(); // the pool connects lazily: nothing was opened
  const dataDir = tempDir();
  const sqlite = openStore({ dataDir });
  expect(sqlite.kind).toBe('sqlite');
  await sqlite.close();
  rmSync(dataDir, { recursive: true, force: true });
});
