// Where stored files live (attachments, result documents, blank-form templates). On one machine
// a directory on local disk (file-blob-store.ts); with PostgreSQL the database itself
// (pg-blob-store.ts), so any API node reads what any other stored.
import type { Readable } from 'node:stream';

export interface BlobStore {
  /**
   * The key an attachment's bytes are stored under. The hash is part of it so that different
   * bytes claimed for one id can never overwrite each other.
   */
  keyFor(attachmentId: string, sha256: string): string;
  /**
   * Moves a complete, already verified file in under `key`, replacing any earlier (damaged)
   * copy. When it resolves the bytes are durable (fsynced, or committed) and `fromPath` is gone.
   */
  adopt(key: string, fromPath: string): Promise<void>;
  /** Size in bytes, or undefined when nothing is stored under `key`. */
  size(key: string): Promise<number | undefined>;
  /** The bytes, streamed (never the whole file in memory); errors when nothing is stored. */
  read(key: string): Readable;
  /** Deletes what is stored under `key` (the purge); nothing stored is not an error. */
  remove(key: string): Promise<void>;
}

/** The blob key of an attachment: `<first two characters of the id>/<id>.<hash prefix>`. */
export function blobKeyFor(attachmentId: string, sha256: string): string {
  if (!/^[0-9A-Za-z-]+$/.test(attachmentId) || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad blob key parts');
  return `${attachmentId.slice(0, 2)}/${attachmentId}.${sha256.slice(0, 16)}`;
}

/**
 * A completely uploaded tus part waiting to become an attachment: its bytes can be read (to
 * check the hash) and moved into the blob store under a key. Each upload store gives its own.
 */
export interface UploadedBytes {
  read(): Readable;
  storeAs(key: string): Promise<void>;
}
