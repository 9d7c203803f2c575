// tus over a real socket: tus-js-client in chunks, a cut upload resumed where the server says
// it stopped, a checksum mismatch refused with nothing kept, re-sending a stored attachment,
// and the stored file byte-identical to what was sent. tus-js-client stays here as a reference
// client, another implementation than ours; the app's own client (web/src/sync/tus.ts, over
// fetch as in a service worker or Node) is run against the same server at the end.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { fetchSend, tusUpload, type SendRequest, type TusUpload } from '../../web/src/sync/tus.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { newDossier, putDossier, testFile, uploadMetadata, type TestFile } from './support/fixtures.ts';

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await testApp({ maxUploadBytes: 256 * 1024 });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const storedFiles = () => filesUnder(join(t.dataDir, 'files'));
const uploadParts = () => readdirSync(join(t.dataDir, 'uploads'));

const TUS = { 'tus-resumable': '1.0.0' };

async function create(dossierId: string, file: TestFile, sha?: string): Promise<string> {
  const res = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: { ...TUS, 'upload-length': String(file.bytes.length), 'upload-metadata': uploadMetadata(dossierId, file.ref, sha) },
  });
  expect(res.status).toBe(201);
  return new URL(res.headers.get('location')!, base).href;
}

const patch = (url: string, offset: number, chunk: Uint8Array) =>
  fetch(url, { method: 'PATCH', headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: chunk });

function clientUpload(dossierId: string, file: TestFile, chunkSize: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(file.bytes, {
      endpoint: `${base}/api/uploads`,
      chunkSize,
      retryDelays: [],
      metadata: { dossierId, attachmentId: file.ref.id, sha256: file.ref.sha256, filename: file.ref.fileName, filetype: file.ref.mediaType },
      onSuccess: () => resolve(upload.url ?? ''),
      onError: reject,
    });
    upload.start();
  });
}

describe('tus uploads', () => {
  test('tus-js-client sends a file in several PATCHes; the stored file is byte-identical', async () => {
    const d = newDossier();
    const big = testFile('idCard', 100_000);
    await clientUpload(d.id, big, 16 * 1024);
    const stored = storedFiles().filter((p) => p.includes(big.ref.id));
    expect(stored).toHaveLength(1);
    expect(readFileSync(stored[0]!).equals(big.bytes)).toBe(true);
    expect(uploadParts()).toEqual([]); // nothing left behind in the upload area
  });

  test('a finished upload answers HEAD as complete, so a phone whose last answer was lost does not send it again', async () => {
    const d = newDossier();
    const page = d.files[0]!;
    const url = await create(d.id, page);
    expect((await patch(url, 0, page.bytes)).status).toBe(204);
    const head = await fetch(url, { method: 'HEAD', headers: TUS });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(page.bytes.length));
    expect(head.headers.get('upload-length')).toBe(String(page.bytes.length));
    expect(uploadParts()).toEqual([]);
  });

  test('a cut upload resumes at the offset the server reports, then the dossier is accepted', async () => {
    const d = newDossier();
    const [page, other] = d.files as [TestFile, TestFile];
    const url = await create(d.id, page);
    const half = 1000;
    expect((await patch(url, 0, page.bytes.subarray(0, half))).status).toBe(204);

    // The connection dropped here; the client asks where to continue.
    const head = await fetch(url, { method: 'HEAD', headers: TUS });
    expect(head.headers.get('upload-offset')).toBe(String(half));
    expect((await putDossier(t.app, d.id, d.body, d.secret)).json()).toMatchObject({ missing: [page.ref.id, other.ref.id] });

    const last = await patch(url, half, page.bytes.subarray(half));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(page.bytes.length));
    await clientUpload(d.id, other, 64 * 1024);

    expect((await putDossier(t.app, d.id, d.body, d.secret)).statusCode).toBe(201);
    const stored = storedFiles().find((p) => p.includes(page.ref.id));
    expect(readFileSync(stored!).equals(page.bytes)).toBe(true);
  });

  test('bytes that do not match the declared SHA-256 are refused and nothing is kept', async () => {
    const d = newDossier();
    const page = d.files[0]!;
    const before = storedFiles().length;
    const url = await create(d.id, page, 'e'.repeat(64));
    const res = await patch(url, 0, page.bytes);
    expect(res.status).toBe(460);
    expect(JSON.parse(await res.text())).toMatchObject({ error: 'corrupt_upload' });
    expect(storedFiles()).toHaveLength(before);
    expect(uploadParts()).toEqual([]);
    expect((await fetch(url, { method: 'HEAD', headers: TUS })).status).toBe(404); // a retry starts afresh
    await expect(clientUpload(d.id, { ...page, ref: { ...page.ref, sha256: 'e'.repeat(64) } }, 1 << 20)).rejects.toThrow(/460/);
  });

  test('sending an attachment that is already stored intact succeeds and changes nothing', async () => {
    const d = newDossier();
    const page = d.files[0]!;
    await clientUpload(d.id, page, 1 << 20);
    const [path] = storedFiles().filter((p) => p.includes(page.ref.id));
    const mtime = statSync(path!).mtimeMs;
    await clientUpload(d.id, page, 1 << 20);
    expect(storedFiles().filter((p) => p.includes(page.ref.id))).toEqual([path]);
    expect(statSync(path!).mtimeMs).toBe(mtime);
    expect(uploadParts()).toEqual([]);
  });

  test('before the dossier is received, the device may replace an attachment it re-took', async () => {
    const d = newDossier();
    const [page, other] = d.files as [TestFile, TestFile];
    await clientUpload(d.id, page, 1 << 20);
    const photo = testFile('idCard');
    const retaken = { bytes: photo.bytes, ref: { ...photo.ref, id: page.ref.id } };
    await clientUpload(d.id, retaken, 1 << 20);
    await clientUpload(d.id, other, 1 << 20);
    expect((await putDossier(t.app, d.id, d.body, d.secret)).json()).toMatchObject({ corrupt: [page.ref.id] });
    const body = { ...d.body, attachments: [retaken.ref, other.ref] };
    expect((await putDossier(t.app, d.id, body, d.secret)).statusCode).toBe(201);
  });

  test('an attachment of a received dossier cannot be replaced by other bytes', async () => {
    const d = newDossier();
    for (const f of d.files) await clientUpload(d.id, f, 1 << 20);
    expect((await putDossier(t.app, d.id, d.body, d.secret)).statusCode).toBe(201);
    const impostor = testFile('idCard');
    const url = await create(d.id, { ...impostor, ref: { ...impostor.ref, id: d.files[0]!.ref.id } });
    expect((await patch(url, 0, impostor.bytes)).status).toBe(422);
    expect((await putDossier(t.app, d.id, d.body, d.secret)).statusCode).toBe(200);
  });

  test('creation is refused without valid metadata or beyond the size limit', async () => {
    const file = testFile('idCard');
    const bad = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { ...TUS, 'upload-length': '10', 'upload-metadata': 'filename YS5qcGc=' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(await bad.text())).toMatchObject({ error: 'invalid' });
    const huge = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'upload-length': String(256 * 1024 + 1), 'upload-metadata': uploadMetadata(randomUUID(), file.ref) },
    });
    expect(huge.status).toBe(413);
    const deferred = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'upload-defer-length': '1', 'upload-metadata': uploadMetadata(randomUUID(), file.ref) },
    });
    expect(deferred.status).toBe(400);
  });
});

describe('the app\'s own tus client against this server', () => {
  const VIETNAMESE = 'Giấy khai sinh – Nguyễn Thị Hoa (bản sao).jpg';

  /** Counts what goes out, and lets a test cut one request's answer. */
  function wire(cut?: (req: Parameters<SendRequest>[0], n: number) => Parameters<SendRequest>[0] | undefined) {
    const sent: string[] = [];
    const send: SendRequest = async (req) => {
      sent.push(req.headers['Upload-Offset'] === undefined ? req.method : `${req.method} ${req.headers['Upload-Offset']}`);
      const shortened = cut?.(req, sent.length);
      if (!shortened) return fetchSend(req);
      // The server gets (part of) the request; the phone never hears the answer.
      await fetchSend(shortened);
      throw new TypeError('connection reset');
    };
    return { send, sent };
  }

  function options(dossierId: string, file: TestFile, over: Partial<TusUpload>): TusUpload {
    return {
      endpoint: `${base}/api/uploads`,
      metadata: { dossierId, attachmentId: file.ref.id, sha256: file.ref.sha256, filename: VIETNAMESE, filetype: file.ref.mediaType },
      chunkSize: 16 * 1024,
      retryDelays: [],
      signal: new AbortController().signal,
      onUrl: () => {},
      onProgress: () => {},
      ...over,
    };
  }

  const partMetadata = (url: string) => JSON.parse(readFileSync(join(t.dataDir, 'uploads', `${new URL(url).pathname.split('/').pop()}.json`), 'utf8')).metadata;

  test('sends a file in several PATCHes over fetch; the stored file is byte-identical', async () => {
    const d = newDossier();
    const big = testFile('idCard', 100_000);
    const { send, sent } = wire();
    const urls: string[] = [];
    await tusUpload(new Blob([big.bytes]), options(d.id, big, { send, onUrl: (u) => void urls.push(u) }));
    expect(sent).toEqual(['POST', ...[0, 1, 2, 3, 4, 5, 6].map((i) => `PATCH ${i * 16 * 1024}`)]);
    // The server's relative Location, resolved against the endpoint.
    expect(urls).toHaveLength(1);
    expect(urls[0]!.startsWith(`${base}/api/uploads/`)).toBe(true);
    const stored = storedFiles().filter((p) => p.includes(big.ref.id));
    expect(stored).toHaveLength(1);
    expect(readFileSync(stored[0]!).equals(big.bytes)).toBe(true);
    expect(uploadParts()).toEqual([]);
  });

  test('a cut upload goes on from the offset the server holds (mid-chunk), with its Vietnamese name whole', async () => {
    const d = newDossier();
    const big = testFile('document', 60_000);
    // The second PATCH reaches the server with 5000 of its bytes, and its answer is lost.
    const first = wire((req, n) => (n === 3 ? { ...req, body: req.body!.slice(0, 5000) } : undefined));
    const urls: string[] = [];
    await expect(tusUpload(new Blob([big.bytes]), options(d.id, big, { send: first.send, onUrl: (u) => void urls.push(u) }))).rejects.toMatchObject({
      name: 'TusError',
      status: undefined,
    });
    expect(first.sent).toEqual(['POST', 'PATCH 0', 'PATCH 16384']);
    // What the server decoded from Upload-Metadata (base64 of UTF-8) for the part it holds.
    expect(partMetadata(urls[0]!)).toMatchObject({ filename: VIETNAMESE, dossierId: d.id });

    // The app opened again: the stored URL, no new upload.
    const again = wire();
    await tusUpload(new Blob([big.bytes]), options(d.id, big, { send: again.send, uploadUrl: urls[0] }));
    expect(again.sent).toEqual(['HEAD', 'PATCH 21384', 'PATCH 37768', 'PATCH 54152']);
    const stored = storedFiles().filter((p) => p.includes(big.ref.id));
    expect(readFileSync(stored[0]!).equals(big.bytes)).toBe(true);
    expect(uploadParts()).toEqual([]);
  });

  test('within one upload, a lost answer is retried from the server\'s offset', async () => {
    const d = newDossier();
    const page = testFile('idCard', 40_000);
    const { send, sent } = wire((req, n) => (n === 2 ? { ...req, body: req.body!.slice(0, 1234) } : undefined));
    await tusUpload(new Blob([page.bytes]), options(d.id, page, { send, retryDelays: [0] }));
    expect(sent).toEqual(['POST', 'PATCH 0', 'HEAD', 'PATCH 1234', 'PATCH 17618', 'PATCH 34002']);
    expect(readFileSync(storedFiles().find((p) => p.includes(page.ref.id))!).equals(page.bytes)).toBe(true);
  });

  test('a checksum mismatch fails at once with 460, and a stored URL that is gone starts afresh', async () => {
    const d = newDossier();
    const page = d.files[0]!;
    const bad = wire();
    const wrong = options(d.id, page, { send: bad.send, retryDelays: [0, 0, 0] });
    const urls: string[] = [];
    await expect(tusUpload(new Blob([page.bytes]), { ...wrong, metadata: { ...wrong.metadata, sha256: 'e'.repeat(64) }, onUrl: (u) => void urls.push(u) })).rejects.toMatchObject({
      status: 460,
    });
    expect(bad.sent).toEqual(['POST', 'PATCH 0']);

    // The part was deleted with the refusal: HEAD answers 404 and the client creates a new upload.
    const good = wire();
    await tusUpload(new Blob([page.bytes]), options(d.id, page, { send: good.send, uploadUrl: urls[0] }));
    expect(good.sent).toEqual(['HEAD', 'POST', 'PATCH 0']);
    expect(readFileSync(storedFiles().find((p) => p.includes(page.ref.id))!).equals(page.bytes)).toBe(true);
  });
});
