import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkStore } from './progress.ts';
import { xhrSend, type SendRequest, type TusRequest, type TusResponse } from './tus.ts';
import { CHUNK_SIZE, createTusUploader, UploadFailure, type UploadJob } from './uploader.ts';

/** What one request meets instead of the server's answer. */
type Fault =
  | number // this status, nothing stored
  | 'network' // no answer, nothing stored
  | 'hang' // no answer ever (a link dead without a reset), until aborted
  | { cut: number }; // the server keeps this many bytes of the PATCH, the phone hears nothing

interface Part {
  length: number;
  bytes: Uint8Array;
  metadata: string;
}

/** A tus server in a few lines, spoken to through the uploader's `send`. */
function fakeTusServer(faults: Partial<Record<TusRequest['method'], Fault[]>> = {}) {
  const parts = new Map<string, Part>();
  const calls: { method: string; url: string; headers: Record<string, string>; bytes: number; offset?: string }[] = [];
  const aborted: string[] = [];
  let next = 0;
  const answer = (status: number, headers: Record<string, string> = {}, body = ''): TusResponse => ({
    status,
    header: (k) => Object.entries(headers).find(([h]) => h.toLowerCase() === k.toLowerCase())?.[1] ?? null,
    body,
  });
  const send: SendRequest = async (req) => {
    const body = req.body ? new Uint8Array(await req.body.arrayBuffer()) : undefined;
    calls.push({ method: req.method, url: req.url, headers: req.headers, bytes: body?.length ?? 0, offset: req.headers['Upload-Offset'] });
    const fault = faults[req.method]?.shift();
    if (fault === 'hang') {
      return new Promise<never>((_, reject) => {
        req.signal.addEventListener('abort', () => {
          aborted.push(req.method);
          reject(new Error('aborted'));
        });
      });
    }
    if (fault === 'network') throw new TypeError('fetch failed');
    if (typeof fault === 'number') return answer(fault, {}, '{"error":"test"}');
    if (req.headers['Tus-Resumable'] !== '1.0.0') return answer(412);
    const id = new URL(req.url).pathname.split('/').pop()!;
    switch (req.method) {
      case 'POST': {
        const created = `u${++next}`;
        parts.set(created, { length: Number(req.headers['Upload-Length']), bytes: new Uint8Array(0), metadata: req.headers['Upload-Metadata'] ?? '' });
        return answer(201, { Location: `/api/uploads/${created}` });
      }
      case 'HEAD': {
        const part = parts.get(id);
        return part ? answer(200, { 'Upload-Offset': String(part.bytes.length), 'Upload-Length': String(part.length) }) : answer(404);
      }
      case 'PATCH': {
        const part = parts.get(id);
        if (!part) return answer(404);
        if (req.headers['Content-Type'] !== 'application/offset+octet-stream') return answer(415);
        if (Number(req.headers['Upload-Offset']) !== part.bytes.length) return answer(409);
        const kept = typeof fault === 'object' ? body!.subarray(0, fault.cut) : body!;
        const grown = new Uint8Array(part.bytes.length + kept.length);
        grown.set(part.bytes);
        grown.set(kept, part.bytes.length);
        part.bytes = grown;
        // Bytes within the chunk, as XHR reports them on the way out.
        req.onProgress(kept.length / 2);
        req.onProgress(kept.length);
        if (typeof fault === 'object') throw new TypeError('connection reset');
        return answer(204, { 'Upload-Offset': String(part.bytes.length) });
      }
    }
  };
  return { send, parts, calls, aborted };
}

const ENDPOINT = 'http://commune.test/api/uploads';

function bytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + (i >> 8)) & 0xff;
  return out;
}

function job(file: Blob, over: Partial<UploadJob> = {}) {
  const urls: string[] = [];
  const progress: number[] = [];
  const j: UploadJob = {
    file,
    endpoint: ENDPOINT,
    metadata: {},
    onUrl: (u) => void urls.push(u),
    onProgress: (sent) => void progress.push(sent),
    ...over,
  };
  return { job: j, urls, progress };
}

/** Byte for byte (toEqual walks a 500 KB array element by element, for seconds). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const b64utf8 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const methods = (calls: { method: string; offset?: string }[]) => calls.map((c) => (c.offset === undefined ? c.method : `${c.method} ${c.offset}`));

describe('the tus uploader', () => {
  it('creates the upload, then sends the file in 256 KB PATCHes, every byte once and in order', async () => {
    const server = fakeTusServer();
    const data = bytes(2 * CHUNK_SIZE + 1000);
    const metadata = { filename: 'Giấy khai sinh – Nguyễn Thị Hoa.jpg', dossierId: 'd1' };
    const t = job(new Blob([data]), { metadata });
    let urlKnownAtFirstPatch = false;
    const send: SendRequest = (req) => {
      if (req.method === 'PATCH' && server.calls.filter((c) => c.method === 'PATCH').length === 0) urlKnownAtFirstPatch = t.urls.length === 1;
      return server.send(req);
    };
    await createTusUploader({ send }).upload(t.job);

    expect(methods(server.calls)).toEqual(['POST', `PATCH 0`, `PATCH ${CHUNK_SIZE}`, `PATCH ${2 * CHUNK_SIZE}`]);
    expect(server.calls.map((c) => c.bytes)).toEqual([0, CHUNK_SIZE, CHUNK_SIZE, 1000]);
    expect(same(server.parts.get('u1')!.bytes, data)).toBe(true);
    const post = server.calls[0]!.headers;
    expect(post['Upload-Length']).toBe(String(data.length));
    // Each value base64 of its UTF-8 bytes: the Vietnamese name arrives whole.
    expect(post['Upload-Metadata']).toBe(`filename ${b64utf8(metadata.filename)},dossierId ${b64utf8('d1')}`);
    // The relative Location is resolved against the endpoint and kept before any byte leaves.
    expect(t.urls).toEqual(['http://commune.test/api/uploads/u1']);
    expect(urlKnownAtFirstPatch).toBe(true);
    expect(server.calls.slice(1).every((c) => c.url === 'http://commune.test/api/uploads/u1')).toBe(true);
    // Progress moves within a chunk and never backwards, and ends at the whole file.
    expect(t.progress).toContain(CHUNK_SIZE / 2);
    expect(t.progress.every((p, i) => i === 0 || p >= t.progress[i - 1]!)).toBe(true);
    expect(t.progress.at(-1)).toBe(data.length);
  });

  it('sends the chunk size its platform asks for, with the tus client it is handed (the outbox worker, which may not import())', async () => {
    const server = fakeTusServer();
    const data = bytes(3 * 64 * 1024 + 10);
    const tus = await import('./tus.ts');
    const handed = { ...tus, tusUpload: vi.fn(tus.tusUpload) };
    await createTusUploader({ send: server.send, chunkSize: 64 * 1024, tus: handed }).upload(job(new Blob([data])).job);

    expect(handed.tusUpload).toHaveBeenCalledOnce();
    expect(server.calls.filter((c) => c.method === 'PATCH').map((c) => c.bytes)).toEqual([65536, 65536, 65536, 10]);
    expect(same(server.parts.get('u1')!.bytes, data)).toBe(true);
  });

  it('resumes a stored upload from the offset the server answers to HEAD', async () => {
    const server = fakeTusServer({ PATCH: [{ cut: 100_000 }] });
    const data = bytes(2 * CHUNK_SIZE + 5000);
    // The first try is cut mid-chunk with no retries left; the URL was kept.
    const first = job(new Blob([data]));
    await expect(createTusUploader({ send: server.send, retryDelays: [] }).upload(first.job)).rejects.toMatchObject({ name: 'UploadFailure', status: undefined });
    expect(server.parts.get('u1')!.bytes).toHaveLength(100_000);

    server.calls.length = 0;
    const again = job(new Blob([data]), { uploadUrl: first.urls[0] });
    await createTusUploader({ send: server.send, retryDelays: [] }).upload(again.job);
    expect(methods(server.calls)).toEqual(['HEAD', 'PATCH 100000', `PATCH ${100_000 + CHUNK_SIZE}`]);
    expect(same(server.parts.get('u1')!.bytes, data)).toBe(true);
    expect(again.urls).toEqual([]); // the same upload: nothing new to keep
    expect(again.progress[0]).toBe(100_000);
  });

  it('sends nothing for an upload the server already holds whole (its last answer was lost)', async () => {
    const server = fakeTusServer();
    const data = bytes(1000);
    const first = job(new Blob([data]));
    await createTusUploader({ send: server.send }).upload(first.job);
    server.calls.length = 0;
    await createTusUploader({ send: server.send }).upload(job(new Blob([data]), { uploadUrl: first.urls[0] }).job);
    expect(methods(server.calls)).toEqual(['HEAD']);
  });

  it('starts a new upload when the stored one is gone (404), and keeps its URL', async () => {
    const server = fakeTusServer();
    const t = job(new Blob([bytes(10)]), { uploadUrl: `${ENDPOINT}/expired` });
    await createTusUploader({ send: server.send }).upload(t.job);
    expect(methods(server.calls)).toEqual(['HEAD', 'POST', 'PATCH 0']);
    expect(t.urls).toEqual([`${ENDPOINT}/u1`]);
  });

  it('retries a failed chunk after asking the server where it stands, and finishes', async () => {
    // A reset mid-chunk (some bytes kept), then a 503, then a 409 offset conflict: each is retried.
    const server = fakeTusServer({ PATCH: ['network', { cut: 7000 }, 503, 409] });
    const data = bytes(CHUNK_SIZE + 10_000);
    const t = job(new Blob([data]));
    // Four failures with three delays: it finishes only because a try that moved the offset
    // starts the count again.
    await createTusUploader({ send: server.send, retryDelays: [0, 5, 10] }).upload(t.job);
    expect(methods(server.calls)).toEqual([
      'POST',
      'PATCH 0', // no answer
      'HEAD',
      'PATCH 0', // cut after 7000 bytes
      'HEAD',
      'PATCH 7000', // 503 (the count of tries started again: the offset moved)
      'HEAD',
      'PATCH 7000', // 409
      'HEAD',
      'PATCH 7000',
      `PATCH ${7000 + CHUNK_SIZE}`,
    ]);
    expect(same(server.parts.get('u1')!.bytes, data)).toBe(true);
  });

  it('retries a failed creation by creating again', async () => {
    const server = fakeTusServer({ POST: [500, 'network'] });
    await createTusUploader({ send: server.send, retryDelays: [0, 0, 0] }).upload(job(new Blob([bytes(10)])).job);
    expect(methods(server.calls)).toEqual(['POST', 'POST', 'POST', 'PATCH 0']);
  });

  it('fails with the last status once the retry delays are used up, waiting them out', async () => {
    const server = fakeTusServer({ PATCH: [503, 503, 503, 503, 503] });
    const started = Date.now();
    const failure = await createTusUploader({ send: server.send, retryDelays: [0, 40, 80] })
      .upload(job(new Blob([bytes(10)])).job)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UploadFailure);
    expect(failure).toMatchObject({ status: 503 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    // One try and three retries, each after a HEAD.
    expect(methods(server.calls)).toEqual(['POST', 'PATCH 0', 'HEAD', 'PATCH 0', 'HEAD', 'PATCH 0', 'HEAD', 'PATCH 0']);
  });

  it('fails with the network (no status) when no answer comes after the retries', async () => {
    const server = fakeTusServer({ POST: ['network', 'network'] });
    await expect(createTusUploader({ send: server.send, retryDelays: [0] }).upload(job(new Blob([bytes(10)])).job)).rejects.toMatchObject({
      name: 'UploadFailure',
      status: undefined,
    });
    expect(methods(server.calls)).toEqual(['POST', 'POST']);
  });

  it.each([400, 413, 422, 429, 460])('fails at once on a %i, for the engine to judge', async (status) => {
    const server = fakeTusServer({ PATCH: [status] });
    const failure = await createTusUploader({ send: server.send, retryDelays: [0, 0, 0] })
      .upload(job(new Blob([bytes(10)])).job)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UploadFailure);
    expect(failure).toMatchObject({ status });
    expect(methods(server.calls)).toEqual(['POST', 'PATCH 0']);
  });

  it('does not retry while the browser says it is offline', async () => {
    const server = fakeTusServer({ PATCH: ['network'] });
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await expect(createTusUploader({ send: server.send, retryDelays: [0, 0] }).upload(job(new Blob([bytes(10)])).job)).rejects.toBeInstanceOf(UploadFailure);
    } finally {
      online.mockRestore();
    }
    expect(methods(server.calls)).toEqual(['POST', 'PATCH 0']);
  });

  it('gives up a try that stops moving and aborts its request, so one dead connection cannot hang the outbox', async () => {
    const server = fakeTusServer({ PATCH: ['hang'] });
    const t = job(new Blob([bytes(1024)]));
    const uploader = createTusUploader({ send: server.send, retryDelays: [0, 0] }, { stallMs: 50 });
    await expect(uploader.upload(t.job)).rejects.toMatchObject({ name: 'UploadFailure', message: 'upload stalled: no progress', status: undefined });
    // The URL was kept before the stall, so the next try resumes instead of starting over.
    expect(t.urls).toEqual([`${ENDPOINT}/u1`]);
    expect(server.aborted).toEqual(['PATCH']);
    // An abort is not retried.
    expect(methods(server.calls)).toEqual(['POST', 'PATCH 0']);
  });

  it('gives a stuck try up at once when the person asks to try now', async () => {
    const server = fakeTusServer({ PATCH: ['hang'] });
    const link = new LinkStore();
    const t = job(new Blob([bytes(1024)]), { cancelOn: (c) => link.onNudge(c) });
    const started = Date.now();
    const trying = createTusUploader({ send: server.send }, { stallMs: 60_000 }).upload(t.job);
    await vi.waitFor(() => expect(server.calls.map((c) => c.method)).toContain('PATCH'));
    link.nudge();
    await expect(trying).rejects.toMatchObject({ name: 'UploadFailure', message: 'upload given up to try again now', status: undefined });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.aborted).toEqual(['PATCH']);
    // Nothing is left listening once the try is over.
    expect(() => link.nudge()).not.toThrow();
  });

  it('a retry wait is cut short by "try now" too', async () => {
    const server = fakeTusServer({ PATCH: [503] });
    const link = new LinkStore();
    const trying = createTusUploader({ send: server.send, retryDelays: [60_000] }).upload(job(new Blob([bytes(10)]), { cancelOn: (c) => link.onNudge(c) }).job);
    await vi.waitFor(() => expect(server.calls.map((c) => c.method)).toContain('PATCH'));
    link.nudge();
    await expect(trying).rejects.toMatchObject({ name: 'UploadFailure', message: 'upload given up to try again now' });
    expect(methods(server.calls)).toEqual(['POST', 'PATCH 0']);
  });
});

describe('xhrSend', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Just enough of XMLHttpRequest to see what the client does with it. */
  class FakeXhr {
    static last: FakeXhr;
    opened: [string, string] = ['', ''];
    headers: Record<string, string> = {};
    sent: unknown;
    aborted = false;
    status = 0;
    responseText = '';
    upload: { onprogress?: (e: { loaded: number }) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    ontimeout?: () => void;
    onabort?: () => void;
    constructor() {
      FakeXhr.last = this;
    }
    open(method: string, url: string) {
      this.opened = [method, url];
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    send(body: unknown) {
      this.sent = body;
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    getResponseHeader(k: string) {
      return k.toLowerCase() === 'upload-offset' ? '10' : null;
    }
  }

  it('reports bytes within a chunk, reads the answer, and aborts with the signal', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const sent: number[] = [];
    const body = new Blob([bytes(10)]);
    const answer = xhrSend({ method: 'PATCH', url: `${ENDPOINT}/u1`, headers: { 'Upload-Offset': '0' }, body, signal: new AbortController().signal, onProgress: (n) => void sent.push(n) });
    const xhr = FakeXhr.last;
    expect(xhr.opened).toEqual(['PATCH', `${ENDPOINT}/u1`]);
    expect(xhr.headers).toEqual({ 'Upload-Offset': '0' });
    expect(xhr.sent).toBe(body);
    xhr.upload.onprogress?.({ loaded: 4 });
    xhr.status = 204;
    xhr.onload?.();
    const res = await answer;
    expect(sent).toEqual([4]);
    expect([res.status, res.header('Upload-Offset')]).toEqual([204, '10']);

    const abort = new AbortController();
    const hanging = xhrSend({ method: 'HEAD', url: `${ENDPOINT}/u1`, headers: {}, signal: abort.signal, onProgress: () => {} });
    abort.abort();
    await expect(hanging).rejects.toThrow(/aborted/);
    expect(FakeXhr.last.aborted).toBe(true);
  });
});
