// A file an officer or administrator uploads (a result document, a blank form template): streamed
// to a temporary file while hashed and counted, its first bytes checked against its declared
// type, then fsynced into the blob store under a key that names its hash.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '../blobs/blob-store.ts';

/** The first bytes each accepted type starts with. */
export const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  // A .docx is a zip; a .doc an OLE compound file. Blank forms (tờ khai) are often published so.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/msword': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

export type StoreFileOutcome = { kind: 'ok'; id: string; sha256: string; size: number; path: string } | { kind: 'too_large' } | { kind: 'unsupported_media_type' };

class TooLarge extends Error {}

export async function storeUploadedFile(
  blobs: BlobStore,
  tmpDir: string,
  body: Readable,
  mediaType: string,
  opts: { maxBytes: number; accepted: readonly string[] },
): Promise<StoreFileOutcome> {
  const magic = opts.accepted.includes(mediaType) ? MAGIC[mediaType] : undefined;
  if (!magic) return { kind: 'unsupported_media_type' };
  const id = randomUUID();
  const tmp = join(tmpDir, `file-${id}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > opts.maxBytes) throw new TooLarge();
          if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
          hash.update(chunk);
          yield chunk;
        }
      },
      // Readable by the server only while it is written, like everything under DATA_DIR.
      createWriteStream(tmp, { mode: 0o600 }),
    );
    if (size < magic.length || !magic.every((b, i) => head[i] === b)) return { kind: 'unsupported_media_type' };
    const sha256 = hash.digest('hex');
    const path = blobs.keyFor(id, sha256);
    await blobs.adopt(path, tmp);
    return { kind: 'ok', id, sha256, size, path };
  } catch (e) {
    if (e instanceof TooLarge) return { kind: 'too_large' };
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}
