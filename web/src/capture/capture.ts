// From picked files to stored pages: check size and type, prepare, hash, store as Blobs.
// Each file is handled on its own, so one file too large does not lose the others.
import { addAttachment } from '../db/attachments.ts';
import { sha256Hex } from './hash.ts';
import { prepareFile } from './prepare.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPT = 'image/*,application/pdf';

export type CaptureProblem = { fileName: string; reason: 'tooLarge' | 'wrongType' | 'tooManyPages' | 'failed' };

function acceptable(type: string): boolean {
  return type.startsWith('image/') || type === 'application/pdf';
}

export async function addFiles(
  dossierId: string,
  slot: string,
  files: Iterable<File>,
  roomLeft: number,
): Promise<{ added: number; problems: CaptureProblem[] }> {
  const problems: CaptureProblem[] = [];
  let added = 0;
  for (const file of files) {
    if (added >= roomLeft) {
      problems.push({ fileName: file.name, reason: 'tooManyPages' });
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      problems.push({ fileName: file.name, reason: 'tooLarge' });
      continue;
    }
    try {
      const prepared = await prepareFile(file);
      if (!acceptable(prepared.mediaType)) {
        problems.push({ fileName: file.name, reason: 'wrongType' });
        continue;
      }
      const sha256 = await sha256Hex(prepared.blob);
      await addAttachment({ dossierId, slot, fileName: prepared.fileName, mediaType: prepared.mediaType, size: prepared.blob.size, sha256, blob: prepared.blob });
      added++;
    } catch {
      problems.push({ fileName: file.name, reason: 'failed' });
    }
  }
  return { added, problems };
}
