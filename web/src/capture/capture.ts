// From picked files to stored pages: check, shrink, hash the bytes that are kept, store as Blobs.
// Each file is handled on its own, so one damaged photo does not lose the others; a full disk
// stops the batch (nothing more can be saved) and keeps every page saved before it.
import { addAttachment, type NewAttachment } from '../db/attachments.ts';
import { isQuotaError } from '../db/storage.ts';
import { sha256Hex } from './hash.ts';
import { PrepareError, prepareFile } from './prepare.ts';
import type { ShrinkOptions, ShrinkResult } from './shrink-core.ts';
import { createShrinker } from './shrink.ts';

export { MAX_FILE_BYTES, MAX_PHOTO_BYTES } from './prepare.ts';
export const ACCEPT = 'image/*,application/pdf';

export type CaptureProblem = {
  fileName: string;
  reason: 'tooLarge' | 'wrongType' | 'tooManyPages' | 'failed' | 'unreadable' | 'quota';
  /** For 'tooLarge': the limit that applied, in MB. */
  maxMb?: number;
};

export interface CaptureOptions {
  /** Store the photos exactly as picked (the person ticked "keep the original"). */
  keepOriginal?: boolean;
  /** The pages answer this supplement request (SupplementRecord.id), not the first submission. */
  supplementId?: string;
  /** Where each page goes (default: the dossier's pages, or the supplement answer's). */
  save?: (page: NewAttachment) => Promise<unknown>;
  /** Replaces the worker-backed shrinker (tests). */
  shrink?: (file: Blob, options: ShrinkOptions) => Promise<ShrinkResult>;
}

/** User Timing marks: DevTools and the Shrink benchmark read how long each photo took. */
function measure(name: string, start: number, detail: Record<string, unknown>): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Older engines lack the options form of measure(); the timing is only informative.
  }
}

export async function addFiles(
  dossierId: string,
  slot: string,
  files: Iterable<File>,
  roomLeft: number,
  { keepOriginal = false, shrink, supplementId, save = addAttachment }: CaptureOptions = {},
): Promise<{ added: number; problems: CaptureProblem[] }> {
  const problems: CaptureProblem[] = [];
  const shrinker = shrink ? null : createShrinker();
  const doShrink = shrink ?? ((file: Blob, o: ShrinkOptions) => shrinker!.shrink(file, o));
  let added = 0;
  let full = false;
  try {
    for (const file of files) {
      if (full) {
        problems.push({ fileName: file.name, reason: 'quota' });
        continue;
      }
      if (added >= roomLeft) {
        problems.push({ fileName: file.name, reason: 'tooManyPages' });
        continue;
      }
      const start = performance.now();
      try {
        const prepared = await prepareFile(file, { keepOriginal, shrink: doShrink });
        const sha256 = await sha256Hex(prepared.blob);
        const { blob, fileName, mediaType, originalSize, shrunk } = prepared;
        await save({ dossierId, slot, fileName, mediaType, size: blob.size, sha256, blob, originalSize, shrunk, supplementId });
        measure('hsc:capture', start, { inBytes: file.size, outBytes: blob.size, shrunk });
        added++;
      } catch (e) {
        if (e instanceof PrepareError) {
          problems.push({ fileName: file.name, reason: e.reason, ...(e.maxBytes ? { maxMb: Math.round(e.maxBytes / 1024 / 1024) } : {}) });
        } else if (isQuotaError(e)) {
          full = true;
          problems.push({ fileName: file.name, reason: 'quota' });
        } else {
          console.error('capture failed', e);
          problems.push({ fileName: file.name, reason: 'failed' });
        }
      }
    }
  } finally {
    shrinker?.dispose();
  }
  return { added, problems };
}
