// Shrinks photos off the main thread, so the form keeps answering taps while a 12-megapixel
// photo is decoded and re-encoded (seconds on a cheap phone). Bundled as one classic-compatible
// script (no imports at run time), so an old WebView that ignores `type: 'module'` still runs it.
import { decodeBitmap, ShrinkError, shrinkWith, type ShrinkEnv, type ShrinkOptions } from './shrink-core.ts';
import type { WorkerReply, WorkerRequest } from './shrink-protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

function supported(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function' && 'convertToBlob' in OffscreenCanvas.prototype;
}

const env: ShrinkEnv = {
  decode: decodeBitmap,
  surface(width, height) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new ShrinkError('unsupported', 'no 2d context on OffscreenCanvas');
    return { context, encode: (type, quality) => canvas.convertToBlob({ type, quality }) };
  },
};

async function handle(file: Blob, options: ShrinkOptions): Promise<WorkerReply['result']> {
  if (!supported()) return { ok: false, reason: 'unsupported', message: 'OffscreenCanvas.convertToBlob missing' };
  try {
    return { ok: true, value: await shrinkWith(env, file, options) };
  } catch (e) {
    const reason = e instanceof ShrinkError ? e.reason : 'unreadable';
    return { ok: false, reason, message: e instanceof Error ? e.message : String(e) };
  }
}

scope.onmessage = (e) => {
  const { id, file, options } = e.data;
  void handle(file, options).then((result) => scope.postMessage({ id, result }));
};
