import { describe, expect, it } from 'vitest';
import { LinkStore } from './progress.ts';
import { createTusUploader, type UploadPlatform } from './uploader.ts';

type HttpStack = NonNullable<UploadPlatform['httpStack']>;
type HttpRequest = ReturnType<HttpStack['createRequest']>;

/** A tus server in a few lines: creation answers a Location, PATCH moves the offset. */
function fakeTusStack({ hangPatch = false } = {}) {
  const aborted: string[] = [];
  const calls: { method: string; url: string; bytes: number }[] = [];
  let offset = 0;
  const stack: HttpStack = {
    getName: () => 'fake',
    createRequest(method, url) {
      const headers: Record<string, string> = {};
      const req: HttpRequest = {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (k, v) => void (headers[k] = v),
        getHeader: (k) => headers[k],
        setProgressHandler: () => {},
        async send(body?: Blob | null) {
          calls.push({ method, url, bytes: body?.size ?? 0 });
          // A link that died without a reset: the request never answers.
          if (hangPatch && method === 'PATCH') return new Promise<never>(() => {});
          offset += body?.size ?? 0;
          const answer: Record<string, string> = method === 'POST' ? { Location: '/api/uploads/abc' } : { 'Upload-Offset': String(offset) };
          return { getStatus: () => (method === 'POST' ? 201 : 204), getHeader: (k) => answer[k], getBody: () => '', getUnderlyingObject: () => null };
        },
        abort: async () => void aborted.push(method),
        getUnderlyingObject: () => null,
      };
      return req;
    },
  };
  return { stack, calls, aborted };
}

const blobReader = {
  async openFile(input: Blob) {
    return { size: input.size, slice: async (start: number, end: number) => ({ value: input.slice(start, end), done: end >= input.size }), close() {} };
  },
};

describe('the tus uploader', () => {
  it('sends through the HTTP stack and file reader a headless device gives it', async () => {
    const { stack, calls } = fakeTusStack();
    const opened: Blob[] = [];
    const uploader = createTusUploader({
      httpStack: stack,
      fileReader: {
        async openFile(input: Blob) {
          opened.push(input);
          return { size: input.size, slice: async (start: number, end: number) => ({ value: input.slice(start, end), done: end >= input.size }), close() {} };
        },
      },
    });
    const file = new Blob([new Uint8Array(300 * 1024)]);
    const urls: string[] = [];
    await uploader.upload({ file, endpoint: 'http://commune.test/api/uploads', metadata: { a: 'b' }, onUrl: (u) => void urls.push(u), onProgress: () => {} });

    expect(opened).toEqual([file]);
    expect(urls).toEqual(['http://commune.test/api/uploads/abc']);
    // 256 KB chunks: creation, then two PATCHes carrying every byte once.
    expect(calls.map((c) => [c.method, c.bytes])).toEqual([['POST', 0], ['PATCH', 256 * 1024], ['PATCH', 44 * 1024]]);
  });

  it('gives up a try that stops moving, so one dead connection cannot hang the outbox', async () => {
    const { stack, aborted } = fakeTusStack({ hangPatch: true });
    const uploader = createTusUploader({ httpStack: stack, fileReader: blobReader, retryDelays: [] }, { stallMs: 50 });
    const urls: string[] = [];
    const job = { file: new Blob([new Uint8Array(1024)]), endpoint: 'http://commune.test/api/uploads', metadata: {}, onUrl: (u: string) => void urls.push(u), onProgress: () => {} };

    await expect(uploader.upload(job)).rejects.toMatchObject({ name: 'UploadFailure', message: 'upload stalled: no progress', status: undefined });
    // The URL was kept before the stall, so the next try resumes instead of starting over.
    expect(urls).toEqual(['http://commune.test/api/uploads/abc']);
    expect(aborted).toEqual(['PATCH']);
  });

  it('gives a stuck try up at once when the person asks to try now', async () => {
    const { stack, aborted } = fakeTusStack({ hangPatch: true });
    const uploader = createTusUploader({ httpStack: stack, fileReader: blobReader, retryDelays: [] }, { stallMs: 60_000 });
    const link = new LinkStore();
    const job = { file: new Blob([new Uint8Array(1024)]), endpoint: 'http://commune.test/api/uploads', metadata: {}, onUrl: () => {}, onProgress: () => {}, cancelOn: (c: () => void) => link.onNudge(c) };
    const started = Date.now();
    const trying = uploader.upload(job);
    await new Promise((r) => setTimeout(r, 20));
    link.nudge();
    await expect(trying).rejects.toMatchObject({ name: 'UploadFailure', status: undefined });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(aborted).toEqual(['PATCH']);
    // Nothing is left listening once the try is over.
    expect(() => link.nudge()).not.toThrow();
  });
});

