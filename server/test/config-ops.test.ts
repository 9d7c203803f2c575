// The operator's variables: METRICS_TOKEN (long enough, never repeated in the error) and
// DATABASE_POOL_SIZE (the PostgreSQL connections a node may hold).
import { expect, test } from 'vitest';
import { loadConfig } from '../src/config.ts';

test('METRICS_TOKEN is taken when long enough, refused without echoing it when short', () => {
  expect(loadConfig({ METRICS_TOKEN: 'x'.repeat(32) }).metricsToken).toBe('x'.repeat(32));
  expect(loadConfig({}).metricsToken).toBeUndefined();
  expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  try {
    loadConfig({ METRICS_TOKEN: 'short-secret' });
  } catch (e) {
    expect(String(e)).not.toContain('short-secret');
  }
});

test('DATABASE_POOL_SIZE is a number of connections, 2 to 200', () => {
  expect(loadConfig({ DATABASE_POOL_SIZE: '20' }).databasePoolSize).toBe(20);
  expect(loadConfig({}).databasePoolSize).toBeUndefined();
  expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
  expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
});
