// The built PWA served next to the API: cache headers per kind of file, pre-compressed
// variants, and the app shell for client-side routes (deep links, reloads offline-first).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { tempDir } from './support/stores.ts';

const HOME = '<!doctype html><title>Hồ sơ công</title><h1>Hồ sơ của tôi</h1>';
const CATALOG = '<!doctype html><title>Hồ sơ công</title><h1>Chọn thủ tục</h1>';
const SHELL = '<!doctype html><title>Hồ sơ công</title>';
const SCRIPT = 'console.log("app");'.repeat(200);
let webRoot: string;
let t: TestApp;

beforeAll(async () => {
  webRoot = tempDir('hsc-web-');
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), HOME);
  writeFileSync(join(webRoot, 'catalog.html'), CATALOG);
  writeFileSync(join(webRoot, 'shell.html'), SHELL);
  writeFileSync(join(webRoot, 'sw.js'), 'self.skipWaiting()');
  writeFileSync(join(webRoot, 'manifest.webmanifest'), '{"name":"Hồ sơ công"}');
  writeFileSync(join(webRoot, 'icon.png'), 'png');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
  t = await testApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

test('the shell, the service worker and the manifest must revalidate', async () => {
  for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['cache-control'], url).toBe('no-cache');
  }
  expect((await t.app.inject('/')).body).toBe(HOME);
});

test('the pages drawn at build time: / gets the home screen, /catalog the catalog, both revalidated', async () => {
  const catalog = await t.app.inject('/catalog');
  expect(catalog.statusCode).toBe(200);
  expect(catalog.body).toBe(CATALOG);
  expect(catalog.headers['cache-control']).toBe('no-cache');
  expect((await t.app.inject('/catalog?q=khai+sinh')).body).toBe(CATALOG);
  expect((await t.app.inject('/catalog/other')).body).toBe(SHELL);
});

test('hashed assets are immutable and go out pre-compressed when the client accepts it', async () => {
  const br = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.rawPayload.equals(brotliCompressSync(SCRIPT))).toBe(true);
  const plain = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toBe(SCRIPT);
});

test('a deep link gets the plain app shell; the API and missing assets stay 404s', async () => {
  const deep = await t.app.inject('/ho-so/1b2c/bien-nhan?x=1');
  expect(deep.statusCode).toBe(200);
  expect(deep.body).toBe(SHELL);
  expect(deep.headers['cache-control']).toBe('no-cache');
  expect((await t.app.inject('/api/nope')).json()).toMatchObject({ error: 'not_found' });
  expect((await t.app.inject('/assets/gone-123.js')).statusCode).toBe(404);
  expect((await t.app.inject({ method: 'POST', url: '/ho-so' })).statusCode).toBe(404);
  expect((await t.app.inject('/api/health')).json()).toMatchObject({ status: 'ok' });
});
