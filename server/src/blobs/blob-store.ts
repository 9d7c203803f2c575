// Where attachment bytes live. Today a directory on local disk; beyond one machine it becomes
// shared storage (an object store or a network volume) behind the same interface.
import type { Readable } from 'node:stream';

export interface BlobStore {
  /**
   * The key an attachment's bytes are stored under. The hash is part of it so that different
   * bytes claimed for one id can never overwrite each other.
   */
  keyFor(attachmentId: string, sha256: string): string;
  /**
   * Moves a complete, already verified file in under `key`, replacing any earlier (damaged)
   * copy. When it resolves the bytes and the directory entry are on disk (fsynced).
   */
  adopt(key: string, fromPath: string): Promise<void>;
  /** Size in bytes, or undefined when nothing is stored under `key`. */
  size(key: string): Promise<number | undefined>;
  read(key: string): Readable;
  /** Deletes what is stored under `key` (the purge); nothing stored is not an error. */
  remove(key: string): Promise<void>;
}
