// Shrinks photos in a Worker with OffscreenCanvas where the browser has one, and on the main
// thread with a <canvas> where it does not (older WebViews, Safari before 16.4). The worker is
// its own lazily fetched file; it is started for a batch of photos and ended after it, so a
// phone with 1 GB of RAM does not keep a decoder's memory around between captures.
import { decodeBitmap, SHRINK_DEFAULTS, ShrinkError, shrinkWith, type Decoded, type ShrinkEnv, type ShrinkOptions, type ShrinkResult } from './shrink-core.ts';
import type { WorkerReply, WorkerRequest } from './shrink-protocol.ts';

export interface Shrinker {
  shrink(file: Blob, options?: ShrinkOptions): Promise<ShrinkResult>;
  dispose(): void;
}

/** A decoder that never answers (a crashed worker) must not leave "Saving…" on screen forever. */
const WORKER_TIMEOUT_MS = 120_000;

function decodeWithImg(file: Blob): Promise<Decoded> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) });
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new ShrinkError('unreadable', 'the image could not be decoded'));
    };
    img.src = url;
  });
}

export const mainThreadEnv: ShrinkEnv = {
  async decode(file) {
    if (typeof createImageBitmap !== 'function') return decodeWithImg(file);
    try {
      return await decodeBitmap(file);
    } catch {
      // Some formats decode in <img> but not in createImageBitmap (older engines).
      return decodeWithImg(file);
    }
  },
  surface(width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new ShrinkError('unsupported', 'no 2d canvas');
    const encode = (type: string, quality: number) =>
      new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), type, quality));
    return { context, encode };
  },
};

type Pending = { resolve: (r: ShrinkResult) => void; reject: (e: unknown) => void; timer: ReturnType<typeof setTimeout> };

export function createShrinker(makeWorker: () => Worker = () => new Worker(new URL('./shrink.worker.ts', import.meta.url), { type: 'module' })): Shrinker {
  let worker: Worker | null = null;
  let broken = typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function';
  let seq = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: unknown) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(error);
    }
  };

  function start(): Worker | null {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = makeWorker();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      clearTimeout(p.timer);
      const r = e.data.result;
      if (r.ok) p.resolve(r.value);
      else p.reject(new ShrinkError(r.reason, r.message));
    };
    // The script did not load or crashed: this browser shrinks on the main thread from now on.
    worker.onerror = (e) => {
      e.preventDefault?.();
      broken = true;
      worker?.terminate();
      worker = null;
      failAll(new ShrinkError('unsupported', 'shrink worker failed'));
    };
    return worker;
  }

  function inWorker(w: Worker, file: Blob, options: ShrinkOptions): Promise<ShrinkResult> {
    return new Promise((resolve, reject) => {
      const id = ++seq;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('shrinking took too long'));
      }, WORKER_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, file, options } satisfies WorkerRequest);
    });
  }

  return {
    async shrink(file, options = SHRINK_DEFAULTS) {
      const w = start();
      if (w) {
        try {
          return await inWorker(w, file, options);
        } catch (e) {
          if (!(e instanceof ShrinkError)) throw e;
          if (e.reason === 'unsupported') broken = true;
          // 'unreadable' in the worker: the main thread's <img> decoder gets a second look.
        }
      }
      return shrinkWith(mainThreadEnv, file, options);
    },
    dispose() {
      failAll(new Error('shrinker disposed'));
      worker?.terminate();
      worker = null;
    },
  };
}
