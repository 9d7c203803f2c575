// Security headers on every kind of answer: the app shell (citizen and staff routes), its
// files, /tra-cuu (its own stricter policy), API answers and errors, tus, and /api/docs (its
// own looser policy, on that path only).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_CSP, APP_CSP, DOCS_CSP, PERMISSIONS_POLICY } from '../src/http/security-headers.ts';
import { testApp, type TestApp } from './support/app.ts';
import { tempDir } from './support/stores.ts';

let webRoot: string;
let t: TestApp;

beforeAll(async () => {
  webRoot = tempDir('hsc-web-');
  mkdirSync(join(webRoot, 'assets'));
  for (const page of ['index.html', 'shell.html']) writeFileSync(join(webRoot, page), '<!doctype html><title>Hồ sơ công</title><script type="module" src="/assets/index-abc.js"></script>');
  writeFileSync(join(webRoot, 'sw.js'), 'self.skipWaiting()');
  writeFileSync(join(webRoot, 'assets', 'index-abc.js'), 'console.log(1)');
  t = await testApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

type Headers = Record<string, string | string[] | number | undefined>;

function expectCommon(h: Headers, what: string) {
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['permissions-policy'], what).toBe(PERMISSIONS_POLICY);
  expect(String(h['content-security-policy']), what).toContain("frame-ancestors 'none'");
}

describe('the app', () => {
  test('the shell (/, /staff, a deep link), its scripts and the service worker get the app policy', async () => {
    for (const url of ['/', '/staff', '/staff/dossiers/7c1d', '/ho-so/abc', '/assets/index-abc.js', '/sw.js']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expectCommon(res.headers, url);
      expect(res.headers['content-security-policy'], url).toBe(APP_CSP);
    }
  });

  test('the app policy: scripts and styles from the origin only, photos from blob: and data:, no framing', () => {
    const directives = new Map(APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(APP_CSP).not.toContain('unsafe-inline');
    expect(APP_CSP).not.toContain('unsafe-eval');
  });

  test('a missing asset (404) carries them too', async () => {
    const res = await t.app.inject('/assets/gone-1.js');
    expect(res.statusCode).toBe(404);
    expectCommon(res.headers, 'missing asset');
  });
});

describe('the server pages', () => {
  test('/tra-cuu keeps its own stricter policy (no script at all) and gets the rest', async () => {
    for (const res of [await t.app.inject('/tra-cuu'), await t.app.inject({ method: 'POST', url: '/tra-cuu', payload: 'ma=X&tra=Y', headers: { 'content-type': 'application/x-www-form-urlencoded' } })]) {
      expectCommon(res.headers, '/tra-cuu');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    }
  });

  test('/api/docs has its own policy (swagger-ui styles inline), on that path only', async () => {
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBeLessThan(400);
    expectCommon(docs.headers, '/api/docs/');
    expect(docs.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("script-src 'self'");
    expect(DOCS_CSP).not.toMatch(/script-src[^;]*unsafe/);
    const json = await t.app.inject('/api/docs/json');
    expect(json.headers['content-security-policy']).toBe(DOCS_CSP);
    expect((await t.app.inject('/api/procedures')).headers['content-security-policy']).toBe(API_CSP);
  });
});

describe('the API', () => {
  test('JSON answers, errors, staff refusals and tus answers', async () => {
    const answers = {
      procedures: await t.app.inject('/api/procedures'),
      health: await t.app.inject('/api/health/ready'),
      notFound: await t.app.inject('/api/nope'),
      unauthenticated: await t.app.inject('/api/staff/me'),
      badBody: await t.app.inject({ method: 'PUT', url: '/api/dossiers/not-a-uuid', payload: {} }),
      tus: await t.app.inject({ method: 'OPTIONS', url: '/api/uploads' }),
      tusPost: await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { 'tus-resumable': '1.0.0' } }),
    };
    for (const [what, res] of Object.entries(answers)) {
      expectCommon(res.headers, what);
      expect(res.headers['content-security-policy'], what).toBe(API_CSP);
    }
    expect(answers.unauthenticated.statusCode).toBe(401);
    expect(answers.tusPost.statusCode).toBe(400);
  });
});
