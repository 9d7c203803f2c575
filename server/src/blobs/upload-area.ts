// Where tus upload parts wait until their last byte: a directory on one machine
// (file-upload-area.ts), PostgreSQL with DATABASE_URL (pg-upload-area.ts), so a PATCH may
// continue on any node. The route (routes/uploads.ts) is the same over both.
import type { DataStore, Locker, Upload } from '@tus/server';
import type { UploadedBytes } from './blob-store.ts';

export interface UploadArea {
  /** The tus DataStore of the parts. */
  readonly datastore: DataStore;
  /** A lock across processes, when the default (in memory, one process) is not enough. */
  readonly locker?: Locker;
  /** The length of an upload already finished (stored as an attachment), else undefined. */
  finishedLength(id: string): Promise<number | undefined>;
  /**
   * The completion of a fully received upload, done once even when two requests reach it:
   * `store` gets the bytes; when it answers ok the upload is remembered as finished, otherwise
   * (or when it throws) the part is deleted, so a retrying client gets 404 and starts afresh.
   * An upload already finished answers `{ok: true}` without calling `store` again.
   */
  finish<R extends { ok: boolean }>(upload: Upload, store: (bytes: UploadedBytes) => Promise<R>): Promise<R | { ok: true }>;
  /** Deletes parts begun before `cutoff` (tus expiration, run by the purge); the count of unfinished ones. */
  expireBefore(cutoff: Date): Promise<number>;
}
