// No log line names a person: a citizen sends a dossier, an officer searches the queue by the
// citizen ID, the dossier is tracked by its lookup code on the API and on /tra-cuu, and the
// whole captured log (at the most talkative level) holds neither the ID, the phone, the name,
// the address nor the lookup code.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { loggableUrl } from '../src/http/log.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, sendDossier, VO_NHAI } from './support/desk.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('the log', () => {
  test('keeps the path of a URL and drops its query string', () => {
    expect(loggableUrl('/api/track/H19.05716-260310-0001?lookup=AB12')).toBe('/api/track/H19.05716-260310-0001?…');
    expect(loggableUrl('/api/staff/dossiers')).toBe('/api/staff/dossiers');
  });

  test('holds no citizen ID, phone, name, address or lookup code after a dossier is sent, searched and tracked', async () => {
    const log = capture();
    t = await testApp({ demo: true, logger: { level: 'trace', stream: log.stream } });
    const person = { fullName: 'Lục Thị Xuân', phone: '0971234567', citizenId: '019284736251' };
    const d = await sendDossier(t.app, VO_NHAI, person);
    const lookup = d.receipt.lookupCode;

    const officer = await login(t.app, 'demo.officer');
    for (const q of [person.citizenId, person.phone, 'Lục Thị']) {
      const res = await officer.get(`/api/staff/dossiers?q=${encodeURIComponent(q)}`);
      expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([d.id]);
    }
    expect((await t.app.inject(`/api/track/${d.receipt.code}?lookup=${lookup}`)).statusCode).toBe(200);
    expect((await t.app.inject(`/api/track/${d.receipt.code}?lookup=${lookup === 'AAAA' ? 'BBBB' : 'AAAA'}`)).statusCode).toBe(404);
    const page = await t.app.inject({
      method: 'POST',
      url: '/tra-cuu',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ma: d.receipt.code, tra: lookup }).toString(),
    });
    expect(page.statusCode).toBe(200);
    expect((await t.app.inject(`/tra-cuu?ma=${d.receipt.code}&tra=${lookup}`)).statusCode).toBe(200);

    const text = log.text();
    // The requests were logged, only their queries were not.
    expect(text).toContain(`/api/track/${d.receipt.code}?…`);
    expect(text).toContain('/api/staff/dossiers?…');
    const address = (await officer.get(`/api/staff/dossiers/${d.id}`)).json<{ dossier: { applicant: { address: string } } }>().dossier.applicant.address;
    for (const secret of [person.citizenId, person.phone, person.fullName, 'Lục', address, `lookup=${lookup}`, `tra=${lookup}`]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).not.toContain(encodeURIComponent(person.fullName));
  });
});
