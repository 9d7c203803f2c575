// Resumable uploads (tus 1.0.0). tus-js-client is loaded on first use, so it is not part of the
// first load on 2G. The upload URL is handed back as soon as it exists and kept in IndexedDB by
// the engine: a cut at 90 % resumes at 90 %, after a reload too.
import type { UploadOptions } from 'tus-js-client';
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
 * Where the page bytes are read from and how requests go out. The browser needs neither (XHR and
 * Blob.slice are tus-js-client's defaults); Node tools running this same engine headless pass a
 * Blob reader and an HTTP stack, since tus-js-client's Node build reads only Buffers and streams,
 * and may shorten the retry delays as they compress the engine's clock.
 */
export type UploadPlatform = Pick<UploadOptions, 'fileReader' | 'httpStack' | 'retryDelays'>;

export function createTusUploader(platform: UploadPlatform = {}, { stallMs = STALL_MS }: { stallMs?: number } = {}): Uploader {
  return {
    upload: (job) => tusUpload(job, platform, stallMs),
  };
}

export const tusUploader: Uploader = createTusUploader();

async function tusUpload(job: UploadJob, platform: UploadPlatform, stallMs: number): Promise<void> {
  const { Upload } = await import('tus-js-client');
  await new Promise<void>((resolve, reject) => {
    // A connection that dies without a reset (common on 2G) would otherwise hang this page, and
    // with it the whole pass, for many minutes: no progress for `stallMs` ends this try.
    const giveUp = (why: string) => {
      off?.();
      void upload.abort().catch(() => undefined);
      reject(new UploadFailure(why));
    };
    const watch = stallWatch(() => giveUp('upload stalled: no progress'), stallMs);
    const off = job.cancelOn?.(() => {
      watch.stop();
      giveUp('upload given up to try again now');
    });
    const upload = new Upload(job.file, {
      retryDelays: RETRY_DELAYS,
      ...platform,
      endpoint: job.endpoint,
      uploadUrl: job.uploadUrl ?? null,
      chunkSize: CHUNK_SIZE,
      metadata: job.metadata,
      // The engine keeps the URL in IndexedDB itself; no second copy in localStorage.
      storeFingerprintForResuming: false,
      onUploadUrlAvailable() {
        watch.poke();
        if (upload.url) void job.onUrl(upload.url);
      },
      onProgress: (sent, total) => {
        watch.poke();
        job.onProgress(sent, total);
      },
      onSuccess: () => {
        watch.stop();
        off?.();
        resolve();
      },
      onError: (error) => {
        watch.stop();
        off?.();
        const status = 'originalResponse' in error ? (error.originalResponse?.getStatus() ?? undefined) : undefined;
        reject(new UploadFailure(error.message, status || undefined));
      },
    });
    upload.start();
  });
}
