// A tus 1.0.0 client of our own, the three requests the app uses and nothing more: creation
// (POST), where a stored upload stands (HEAD) and the bytes (PATCH). It replaced tus-js-client,
// whose browser build cost 13 KB brotli of the set the service worker keeps, and which needs
// XMLHttpRequest: this one runs wherever `fetch` exists too (a service worker, Node 20).
//
// What it does, step by step:
// - No upload URL yet: POST the endpoint with `Upload-Length` and `Upload-Metadata` (each value
//   base64 of its UTF-8 bytes, so Vietnamese names arrive whole). `Location` is resolved against
//   the endpoint (the server answers a relative one) and handed to `onUrl` before any byte is
//   sent, so a cut at 90 % resumes at 90 %, after a reload too.
// - An upload URL (given, or after a failure): HEAD it; the server's `Upload-Offset` is where the
//   bytes go on. Offset = length: already complete (its last answer was lost), nothing is sent.
//   A 4xx other than 423 (404, 410, 403: the part is gone or not ours) starts a new upload, as
//   tus-js-client did; so does an `Upload-Length` other than the file's (the URL is of other
//   bytes). Unlike tus-js-client, a 5xx on HEAD is retried instead of starting afresh: a server
//   that failed once says nothing about the part being gone, and on 2G the bytes already sent
//   are the expensive part.
// - PATCH chunks of `chunkSize` from the offset; each answer's `Upload-Offset` is the truth the
//   next chunk starts from.
// - Failures, with tus-js-client's default rule (`shouldRetry`) kept: a network error, a 5xx, a
//   409 (offset conflict) or 423 (locked), or a 2xx without the header it needs, is retried after
//   `retryDelays[n]`, by a HEAD first when there is an upload URL (a POST again when there is
//   none); any other 4xx (400, 413, 422, 460 checksum mismatch, 408, 429, …) fails at once with
//   its status, for the engine to judge. The count of tries starts again once a try moved the
//   offset, and nothing is retried while the browser says it is offline. When the delays are
//   used up the last failure is thrown with its status (none: the network failed).
// - `signal` aborts the request in flight and any wait between tries.
// - Progress: `onProgress(sent, total)` when a chunk starts, as its bytes leave (XHR reports
//   them within a chunk; `fetch` cannot, so it reports per chunk) and at each answer.

/** One request as the client sends it; `send` resolves with any HTTP answer and rejects only when none came. */
export interface TusRequest {
  method: 'POST' | 'HEAD' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: Blob;
  signal: AbortSignal;
  /** Bytes of `body` sent so far (as often as the transport can tell). */
  onProgress(sent: number): void;
}

export interface TusResponse {
  status: number;
  /** A response header (case-insensitive), null when absent. */
  header(name: string): string | null;
  /** The answer's text, for the failure's message. */
  body: string;
}

export type SendRequest = (req: TusRequest) => Promise<TusResponse>;

export interface TusUpload {
  endpoint: string;
  /** Where a previous try stopped, if any. */
  uploadUrl?: string;
  metadata: Record<string, string>;
  chunkSize: number;
  retryDelays: readonly number[];
  signal: AbortSignal;
  send?: SendRequest;
  onUrl(url: string): void | Promise<void>;
  onProgress(sent: number, total: number): void;
  /** Any answer came (the link lives), whatever its status. */
  onAnswer?(): void;
}

/** `status` is the server's answer when there was one; none means the network failed. */
export class TusError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TusError';
  }
}

const TUS_HEADERS = { 'Tus-Resumable': '1.0.0' };

/** The part of XMLHttpRequest used here. */
interface Xhr {
  status: number;
  responseText: string;
  upload: { onprogress: ((e: { loaded: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  ontimeout: (() => void) | null;
  onabort: (() => void) | null;
  open(method: string, url: string, async: boolean): void;
  setRequestHeader(name: string, value: string): void;
  getResponseHeader(name: string): string | null;
  send(body: Blob | null): void;
  abort(): void;
}

/**
 * What this file may find around it, typed as maybe missing: a service worker has no
 * XMLHttpRequest, Node 20 no navigator (and the server's tests compile this without the DOM).
 */
const env = globalThis as { XMLHttpRequest?: new () => Xhr; navigator?: { onLine?: boolean } };

/** XMLHttpRequest: the only browser API that reports an upload's bytes as they leave. */
export const xhrSend: SendRequest = (req) =>
  new Promise((resolve, reject) => {
    if (req.signal.aborted) return reject(new TusError('request aborted'));
    const Xhr = env.XMLHttpRequest;
    if (!Xhr) return reject(new TusError('no XMLHttpRequest here'));
    const xhr = new Xhr();
    xhr.open(req.method, req.url, true);
    for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
    if (req.body) xhr.upload.onprogress = (e) => req.onProgress(e.loaded);
    const stop = () => xhr.abort();
    req.signal.addEventListener('abort', stop);
    const done = () => req.signal.removeEventListener('abort', stop);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, header: (k) => xhr.getResponseHeader(k), body: xhr.responseText });
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      reject(new TusError('network error'));
    };
    xhr.onabort = () => {
      done();
      reject(new TusError('request aborted'));
    };
    xhr.send(req.body ?? null);
  });

/** `fetch`, where there is no XMLHttpRequest (a service worker, Node): progress per chunk. */
export const fetchSend: SendRequest = async (req) => {
  let res: Response;
  let body: string;
  try {
    res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body ?? null, signal: req.signal });
    body = await res.text();
  } catch (e) {
    throw new TusError(req.signal.aborted ? 'request aborted' : `network error: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (req.body) req.onProgress(req.body.size);
  return { status: res.status, header: (k) => res.headers.get(k), body };
};

export const defaultSend = (): SendRequest => (typeof env.XMLHttpRequest === 'function' ? xhrSend : fetchSend);

/** `key base64(utf8(value))` pairs: btoa alone takes Latin-1 only and throws on "Nguyễn". */
export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([k, v]) => {
      let bin = '';
      for (const b of new TextEncoder().encode(v)) bin += String.fromCharCode(b);
      return `${k} ${btoa(bin)}`;
    })
    .join(',');
}

const ok = (status: number) => status >= 200 && status < 300;

/** tus-js-client's default `shouldRetry`: anything but a 4xx, or a 409 / 423; never while offline. */
function retryable(status: number | undefined): boolean {
  const clientError = status !== undefined && status >= 400 && status < 500;
  const offline = env.navigator?.onLine === false;
  return (!clientError || status === 409 || status === 423) && !offline;
}

const offsetOf = (res: TusResponse): number | undefined => {
  const v = res.header('Upload-Offset');
  const n = v === null || !/^\d+$/.test(v.trim()) ? NaN : Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
};

const failed = (what: string, res: TusResponse) => new TusError(`tus: ${what}, HTTP ${res.status}${res.body ? `: ${res.body.slice(0, 200)}` : ''}`, res.status);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TusError('request aborted'));
    const stop = () => {
      clearTimeout(timer);
      reject(new TusError('request aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Sends `file` to a tus 1.0.0 server; resolves once the server holds every byte. Throws TusError. */
export async function tusUpload(file: Blob, o: TusUpload): Promise<void> {
  const send = o.send ?? defaultSend();
  const total = file.size;
  const { signal } = o;
  const request = async (method: TusRequest['method'], url: string, headers: Record<string, string>, body?: Blob, onProgress: (sent: number) => void = () => {}) => {
    if (signal.aborted) throw new TusError('request aborted');
    let res: TusResponse;
    try {
      res = await send({ method, url, headers: { ...TUS_HEADERS, ...headers }, body, signal, onProgress });
    } catch (e) {
      // No answer came: a network failure, whatever the transport threw.
      throw e instanceof TusError ? e : new TusError(`network error: ${e instanceof Error ? e.message : String(e)}`);
    }
    o.onAnswer?.();
    return res;
  };

  let url = o.uploadUrl;
  /** The server's offset as last heard; undefined until heard (HEAD needed when there is a URL). */
  let offset: number | undefined;
  let offsetBeforeRetry = 0;
  let attempt = 0;

  for (;;) {
    try {
      if (url === undefined) {
        const metadata = encodeMetadata(o.metadata);
        const res = await request('POST', o.endpoint, { 'Upload-Length': String(total), ...(metadata ? { 'Upload-Metadata': metadata } : {}) });
        if (!ok(res.status)) throw failed('creating the upload failed', res);
        const location = res.header('Location');
        if (!location) throw failed('no Location in the creation answer', res);
        url = new URL(location, o.endpoint).href;
        offset = 0;
        await o.onUrl(url);
        if (total === 0) return;
      } else if (offset === undefined) {
        const res = await request('HEAD', url, {});
        if (res.status === 423) throw failed('the upload is locked', res);
        const length = res.header('Upload-Length');
        if ((res.status >= 400 && res.status < 500) || (ok(res.status) && length !== null && length.trim() !== String(total))) {
          // The part is gone (or is of other bytes): start afresh, as tus-js-client did.
          url = undefined;
          continue;
        }
        if (!ok(res.status)) throw failed('asking where the upload stands failed', res);
        const at = offsetOf(res);
        if (at === undefined || at > total) throw failed('no valid Upload-Offset in the HEAD answer', res);
        offset = at;
        o.onProgress(offset, total);
      }

      while (offset < total) {
        const start = offset;
        const chunk = file.slice(start, Math.min(total, start + o.chunkSize));
        o.onProgress(start, total);
        const res = await request('PATCH', url, { 'Upload-Offset': String(start), 'Content-Type': 'application/offset+octet-stream' }, chunk, (sent) =>
          o.onProgress(Math.min(total, start + sent), total),
        );
        if (!ok(res.status)) throw failed(`sending bytes at ${start} failed`, res);
        const at = offsetOf(res);
        // An offset that did not move would send the same chunk for ever.
        if (at === undefined || at <= start || at > total) throw failed('no valid Upload-Offset in the PATCH answer', res);
        offset = at;
        o.onProgress(offset, total);
      }
      return;
    } catch (e) {
      // Aborted, or not a request's failure (the URL could not be kept): nothing a retry mends.
      if (signal.aborted || !(e instanceof TusError)) throw e;
      // tus-js-client's rule: a try that moved the offset earns the whole series of delays again.
      if (offset !== undefined && offset > offsetBeforeRetry) attempt = 0;
      if (!retryable(e.status) || attempt >= o.retryDelays.length) throw e;
      await sleep(o.retryDelays[attempt++]!, signal);
      offsetBeforeRetry = offset ?? 0;
      // Where the bytes go on is asked again (a POST again if no upload exists yet).
      offset = undefined;
    }
  }
}
