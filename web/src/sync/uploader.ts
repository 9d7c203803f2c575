// Resumable uploads (tus 1.0.0) for the engine: our own small client (tus.ts, which says what it
// does on each answer), loaded on first use, so it is not part of the first load on 2G, with the
// stall watchdog and "try now" around it. The upload URL is handed back as soon as it exists and
// kept in IndexedDB by the engine: a cut at 90 % resumes at 90 %, after a reload too.
import type { SendRequest } from './tus.ts';
import { STALL_MS, stallWatch } from './stall.ts';

export interface UploadJob {
  file: Blob;
  endpoint: string;
  /** Where a previous try of this page stopped, if any. */
  uploadUrl?: string;
  metadata: Record<string, string>;
  onUrl(url: string): void | Promise<void>;
  onProgress(sentBytes: number, totalBytes: number): void;
  /** Lets the caller end a stuck try at once (the person pressed "try now"); returns the unsubscribe. */
  cancelOn?(cancel: () => void): () => void;
}

export interface Uploader {
  upload(job: UploadJob): Promise<void>;
}

/** `status` is the server's HTTP answer when there was one; none means the network failed. */
export class UploadFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'UploadFailure';
  }
}

/** 256 KB: small enough that progress moves visibly on 2G, large enough not to waste round trips. */
export const CHUNK_SIZE = 256 * 1024;

/** Short in-upload retries; the engine's own backoff takes over after these. */
export const RETRY_DELAYS = [0, 1_000, 3_000];

/**
 * How requests go out. A window passes nothing: XMLHttpRequest (progress within a chunk);
 * `fetch` where there is none (a service worker, Node). Node tools running this same
 * engine headless pass their own transport (the chaos harness's fault-injecting network) and may
 * shorten the retry delays as they compress the engine's clock. Without XHR, progress moves once
 * per chunk, so a sender there sizes `chunkSize` to the stall watchdog (the outbox worker does).
 */
export interface UploadPlatform {
  send?: SendRequest;
  retryDelays?: readonly number[];
  /** Bytes per PATCH; `CHUNK_SIZE` unless the transport reports progress per chunk only. */
  chunkSize?: number;
  /**
   * The tus client itself. A window loads it on first use; a service worker may not `import()`
   * at all, so the outbox worker hands in the module it imported statically.
   */
  tus?: TusModule;
}

type TusModule = Pick<typeof import('./tus.ts'), 'tusUpload' | 'TusError'>;

export type { SendRequest, TusRequest, TusResponse } from './tus.ts';

export function createTusUploader(platform: UploadPlatform = {}, { stallMs = STALL_MS }: { stallMs?: number } = {}): Uploader {
  return {
    upload: (job) => upload(job, platform, stallMs),
  };
}

export const tusUploader: Uploader = createTusUploader();

async function upload(job: UploadJob, platform: UploadPlatform, stallMs: number): Promise<void> {
  const { tusUpload, TusError } = platform.tus ?? (await import('./tus.ts'));
  const abort = new AbortController();
  let why: string | undefined;
  const giveUp = (reason: string) => {
    why ??= reason;
    abort.abort();
  };
  // A connection that dies without a reset (common on 2G) would otherwise hang this page, and
  // with it the whole pass, for many minutes: no progress for `stallMs` ends this try, and the
  // request in flight with it.
  const watch = stallWatch(() => giveUp('upload stalled: no progress'), stallMs);
  const off = job.cancelOn?.(() => giveUp('upload given up to try again now'));
  try {
    await tusUpload(job.file, {
      endpoint: job.endpoint,
      uploadUrl: job.uploadUrl,
      metadata: job.metadata,
      chunkSize: platform.chunkSize ?? CHUNK_SIZE,
      retryDelays: platform.retryDelays ?? RETRY_DELAYS,
      signal: abort.signal,
      send: platform.send,
      onUrl: job.onUrl,
      onAnswer: () => watch.poke(),
      onProgress: (sent, total) => {
        watch.poke();
        job.onProgress(sent, total);
      },
    });
  } catch (e) {
    if (why !== undefined) throw new UploadFailure(why);
    if (e instanceof TusError) throw new UploadFailure(e.message, e.status);
    throw e;
  } finally {
    watch.stop();
    off?.();
  }
}
