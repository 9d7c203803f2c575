// HTTP behaviour through inject(), on SQLite: the catalog, refusals (400/409/422), language of
// messages, tracking answers that give nothing away, the rate limit, unknown URLs, the docs.
import { SEED_PROCEDURES, type ApiError, type Receipt } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { fixedClock, injectUpload, newDossier, newSecret, putDossier, submission, testFile, UNIT } from './support/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ trackRateLimit: { max: 1000, timeWindow: 60_000 } });
});
afterAll(() => t.close());

/** A dossier sent and received, for the tests that read it back. */
async function sent() {
  const d = newDossier();
  for (const f of d.files) await injectUpload(t.app, d.id, f);
  const res = await putDossier(t.app, d.id, d.body, d.secret);
  expect(res.statusCode).toBe(201);
  return { ...d, receipt: res.json<{ receipt: Receipt }>().receipt };
}

describe('catalog', () => {
  test('health', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  test('procedures carry an ETag; a matching If-None-Match gets 304 with no body', async () => {
    const res = await t.app.inject('/api/procedures');
    const body = res.json<{ version: string; procedures: unknown[] }>();
    expect(body.procedures).toHaveLength(SEED_PROCEDURES.length);
    expect(res.headers.etag).toBe(`"${body.version}"`);
    const again = await t.app.inject({ url: '/api/procedures', headers: { 'if-none-match': `W/"x", ${res.headers.etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await t.app.inject({ url: '/api/procedures', headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200);
  });

  test('one procedure by code; an unknown one is a 404 ApiError', async () => {
    expect((await t.app.inject('/api/procedures/1.001193')).json()).toMatchObject({ code: '1.001193', name: { vi: 'Đăng ký khai sinh' } });
    const missing = await t.app.inject('/api/procedures/0.000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });

  test('92 units with code, name and type only', async () => {
    const { units } = (await t.app.inject('/api/units')).json<{ units: object[] }>();
    expect(units).toHaveLength(92);
    expect(units).toContainEqual({ code: '05533', name: 'Phường Bá Xuyên', type: 'ward' });
  });
});

describe('sending a dossier', () => {
  test('the receipt follows the code format, the 15:00 rule and working days', async () => {
    const friday = await testApp({ now: fixedClock(new Date('2026-03-13T09:30:00Z')) }); // Fri 16:30 in VN
    try {
      const files = [testFile('declaration'), testFile('idCard')];
      const body = submission(files, { procedureCode: '1.004873', fields: { currentStatus: 'single', purpose: 'Kết hôn' } });
      const id = crypto.randomUUID();
      for (const f of files) await injectUpload(friday.app, id, f);
      const { receipt } = (await putDossier(friday.app, id, body, newSecret())).json<{ receipt: Receipt }>();
      expect(receipt.code).toBe(`H19.${UNIT}-260313-0001`);
      expect(receipt.lookupCode).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{4}$/);
      expect(receipt.receivedAt).toBe('2026-03-13T09:30:00.000Z');
      // Counts from Monday 07:30; three working days later, Thursday 17:00 local.
      expect(receipt.dueAt).toBe('2026-03-19T10:00:00.000Z');
    } finally {
      await friday.close();
    }
  });

  test('the same id with other content is a 409 naming each difference', async () => {
    const d = await sent();
    const changed = {
      ...d.body,
      applicant: { ...d.body.applicant, phone: '0987654321', email: 'hoa@example.vn' },
      fields: { documentName: 'Hợp đồng' },
      attachments: [...d.body.attachments].reverse(),
    };
    const res = await putDossier(t.app, d.id, changed, d.secret, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: 'conflict',
      message: expect.stringMatching(/different content/),
      differences: ['applicant.email', 'applicant.phone', 'fields.documentName', 'attachments'],
    });
  });

  test('the same body with another secret is a 409 that reveals nothing of the content', async () => {
    const d = await sent();
    const res = await putDossier(t.app, d.id, d.body, newSecret());
    expect(res.statusCode).toBe(409);
    expect(res.json<ApiError>().differences).toEqual(['x-dossier-secret']);
  });

  test('missing and corrupt attachments are named, and nothing is created', async () => {
    const d = newDossier();
    const [stored, absent] = d.files;
    await injectUpload(t.app, d.id, stored!);
    const lying = { ...d.body, attachments: [{ ...stored!.ref, sha256: 'f'.repeat(64) }, absent!.ref] };
    const res = await putDossier(t.app, d.id, lying, d.secret);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'attachments_missing', missing: [absent!.ref.id], corrupt: [stored!.ref.id] });
    // Nothing was created: the honest body still gets a first-time answer once all is there.
    await injectUpload(t.app, d.id, absent!);
    expect((await putDossier(t.app, d.id, d.body, d.secret)).statusCode).toBe(201);
  });

  test('an attachment uploaded for another dossier does not count', async () => {
    const d = newDossier();
    for (const f of d.files) await injectUpload(t.app, crypto.randomUUID(), f);
    const res = await putDossier(t.app, d.id, d.body, d.secret);
    expect(res.json()).toMatchObject({ missing: d.files.map((f) => f.ref.id) });
  });

  test('invalid content: 400 with a message per field, in Vietnamese by default', async () => {
    const d = newDossier();
    const body = { ...d.body, applicant: { ...d.body.applicant, phone: '12345', citizenId: '' }, fields: {}, attachments: [] };
    const res = await putDossier(t.app, d.id, body, d.secret);
    expect(res.statusCode).toBe(400);
    const err = res.json<ApiError>();
    expect(err.error).toBe('invalid');
    expect(err.fields).toEqual(
      expect.arrayContaining([
        { path: 'applicant.phone', code: 'phone', message: expect.stringMatching(/^Số điện thoại/) },
        { path: 'applicant.citizenId', code: 'required', message: 'Vui lòng điền mục này.' },
        { path: 'fields.documentName', code: 'required', message: 'Vui lòng điền mục này.' },
        { path: 'documents.idCard', code: 'missingDocument', message: 'Cần chụp hoặc chọn giấy tờ này.' },
      ]),
    );
  });

  test('invalid content in English when Accept-Language starts with en', async () => {
    const d = newDossier();
    const res = await putDossier(t.app, d.id, { ...d.body, applicant: { ...d.body.applicant, email: 'not-an-email' } }, d.secret, 'en-GB,en;q=0.9');
    expect(res.json<ApiError>().fields).toEqual([{ path: 'applicant.email', code: 'email', message: 'Not a valid email address.' }]);
  });

  test('unknown procedure and unknown unit are field errors', async () => {
    const d = newDossier();
    const res = await putDossier(t.app, d.id, { ...d.body, procedureCode: '9.999999', unitCode: '99999' }, d.secret, 'en');
    expect(res.json<ApiError>().fields?.map((f) => [f.path, f.code])).toEqual([
      ['procedureCode', 'choice'],
      ['unitCode', 'unit'],
    ]);
  });

  test('malformed JSON, a wrong shape and a missing secret get the same 400 envelope', async () => {
    const d = newDossier();
    const url = `/api/dossiers/${d.id}`;
    const json = { 'content-type': 'application/json', 'x-dossier-secret': d.secret };
    const broken = await t.app.inject({ method: 'PUT', url, headers: json, payload: '{"procedureCode":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'invalid', fields: [] });

    const shape = await t.app.inject({ method: 'PUT', url, headers: json, payload: { ...d.body, applicant: undefined, attachments: 'x' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ApiError>().fields?.map((f) => [f.path, f.code])).toEqual([
      ['applicant', 'required'],
      ['attachments', 'invalid'],
    ]);

    const noSecret = await t.app.inject({ method: 'PUT', url, payload: d.body });
    expect(noSecret.json<ApiError>().fields).toEqual([{ path: 'headers.x-dossier-secret', code: 'required', message: 'Vui lòng điền mục này.' }]);

    const badId = await putDossier(t.app, 'not-a-uuid', d.body, d.secret);
    expect(badId.json<ApiError>().fields?.[0]?.path).toBe('params.id');
  });
});

describe('reading a dossier back', () => {
  test('the device reads its status with its secret; a wrong or missing secret looks like an unknown id', async () => {
    const d = await sent();
    const url = `/api/dossiers/${d.id}/status`;
    const ok = await t.app.inject({ url, headers: { 'x-dossier-secret': d.secret } });
    expect(ok.json()).toMatchObject({ receipt: d.receipt, status: 'registered' });
    const wrong = await t.app.inject({ url, headers: { 'x-dossier-secret': newSecret() } });
    const none = await t.app.inject({ url });
    const unknown = await t.app.inject({ url: `/api/dossiers/${crypto.randomUUID()}/status`, headers: { 'x-dossier-secret': d.secret } });
    for (const r of [wrong, none, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toBe(unknown.body);
    }
  });

  test('tracking: the right lookup code answers; a wrong one answers exactly like an unknown code', async () => {
    const { receipt } = await sent();
    const ok = await t.app.inject(`/api/track/${receipt.code}?lookup=${receipt.lookupCode}`);
    expect(ok.json()).toMatchObject({ code: receipt.code, status: 'registered', dueAt: receipt.dueAt });
    const wrongLookup = receipt.lookupCode === 'AAAA' ? 'BBBB' : 'AAAA';
    const wrong = await t.app.inject(`/api/track/${receipt.code}?lookup=${wrongLookup}`);
    const unknown = await t.app.inject(`/api/track/H19.00000-260310-0001?lookup=${receipt.lookupCode}`);
    const noLookup = await t.app.inject(`/api/track/${receipt.code}`);
    for (const r of [wrong, unknown, noLookup]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toBe(unknown.body);
      expect(r.headers['content-type']).toBe(unknown.headers['content-type']);
    }
    expect(unknown.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });

  test('guessing is rate-limited per client IP (429, ApiError body)', async () => {
    const limited = await testApp({ trackRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const guess = (ip: string) => limited.app.inject({ url: '/api/track/H19.05518-260310-0001?lookup=AAAA', remoteAddress: ip });
      for (let i = 0; i < 3; i++) expect((await guess('10.0.0.1')).statusCode).toBe(404);
      const blocked = await guess('10.0.0.1');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ error: 'rate_limited' });
      expect((await guess('10.0.0.2')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

describe('the rest of /api', () => {
  test('unknown /api paths are JSON 404s', async () => {
    const res = await t.app.inject('/api/nothing/here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy.' });
    expect((await t.app.inject({ url: '/elsewhere' })).statusCode).toBe(404); // no web app configured
  });

  test('OpenAPI generated from the zod schemas, with Swagger UI', async () => {
    const spec = (await t.app.inject('/api/docs/json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/procedures', '/api/units', '/api/dossiers/{id}', '/api/dossiers/{id}/status', '/api/track/{code}']),
    );
    expect(JSON.stringify(spec.paths['/api/dossiers/{id}']?.put)).toContain('citizenId');
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
    // The desk's routes too, with their shared schemas.
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/staff/login',
        '/api/staff/me',
        '/api/staff/logout',
        '/api/staff/dossiers',
        '/api/staff/dossiers/{id}',
        '/api/staff/dossiers/{id}/files/{attachmentId}',
        '/api/staff/dossiers/{id}/results/{resultId}',
        '/api/staff/dossiers/{id}/actions',
        '/api/staff/dossiers/{id}/result',
        '/api/staff/forms/{formId}',
        '/api/staff/reports',
        '/api/admin/staff',
        '/api/admin/holidays/{date}',
        '/api/holidays',
        '/api/dossiers/{id}/supplements/{supplementId}',
        '/api/dossiers/{id}/withdraw',
        '/api/dossiers/{id}/result',
      ]),
    );
    expect(JSON.stringify(spec.paths['/api/staff/dossiers/{id}/actions']?.post)).toContain('request_supplement');
  });
});
