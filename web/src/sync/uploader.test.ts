import { describe, expect, it } from 'vitest';
import { createTusUploader, type UploadPlatform } from './uploader.ts';

type HttpStack = NonNullable<UploadPlatform['httpStack']>;
type HttpRequest = ReturnType<HttpStack['createRequest']>;

/** A tus server in a few lines: creation answers a Location, PATCH moves the offset. */
function fakeTusStack() {
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
          offset += body?.size ?? 0;
          const answer: Record<string, string> = method === 'POST' ? { Location: '/api/uploads/abc' } : { 'Upload-Offset': String(offset) };
          return { getStatus: () => (method === 'POST' ? 201 : 204), getHeader: (k) => answer[k], getBody: () => '', getUnderlyingObject: () => null };
        },
        abort: async () => {},
        getUnderlyingObject: () => null,
      };
      return req;
    },
  };
  return { stack, calls };
}

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
});
