// tus parts as files in DATA_DIR/uploads (@tus/file-store), for one server process: the tus
// in-memory locker is enough and "finished" is remembered in memory.
import { createReadStream } from 'node:fs';
import { chmod, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import type { BlobStore, UploadedBytes } from './blob-store.ts';
import type { UploadArea } from './upload-area.ts';

/**
 * Uploads that were completed and stored, by tus id. Their parts are gone from the upload area,
 * so tus alone would answer a HEAD with 404; a phone whose last answer was lost on the way
 * asks exactly that, and a 404 makes it send the whole photo again over 2G. This answers
 * "complete" instead. In memory and bounded: after a restart the rare late HEAD re-sends,
 * which is still correct (storing an intact attachment twice changes nothing).
 */
class FinishedUploads {
  private readonly lengths = new Map<string, number>();
  constructor(private readonly max = 10_000) {}
  add(id: string, length: number) {
    this.lengths.set(id, length);
    if (this.lengths.size > this.max) this.lengths.delete(this.lengths.keys().next().value!);
  }
  length(id: string): number | undefined {
    return this.lengths.get(id);
  }
}

/**
 * FileStore's constructor starts an un-awaited mkdir whose callback throws (a TODO in its
 * source): if the data directory vanished meanwhile the process would crash. buildApp has
 * already created the directory synchronously, so that check is switched off.
 */
class UploadStore extends FileStore {
  constructor(
    directory: string,
    expirationPeriodInMilliseconds: number | undefined,
    private readonly finished: FinishedUploads,
  ) {
    super({ directory, expirationPeriodInMilliseconds });
  }

  // With expiration on, tus looks the upload up once more after the last byte to decide on
  // Upload-Expires; by then a finished upload is stored and its part gone, so it is answered
  // as complete (no header) instead of a 404 that would make the phone send it again.
  override async getUpload(id: string): Promise<Upload> {
    try {
      return await super.getUpload(id);
    } catch (e) {
      const length = this.finished.length(id);
      if (length === undefined) throw e;
      return new Upload({ id, size: length, offset: length });
    }
  }

  // A part and its metadata (file name, dossier id) are people's data: server's user only.
  override async create(upload: Upload): Promise<Upload> {
    const made = await super.create(upload);
    await chmod(join(this.directory, upload.id), 0o600);
    await chmod(join(this.directory, `${upload.id}.json`), 0o600);
    return made;
  }
}
(UploadStore.prototype as unknown as { checkOrCreateDirectory(): void }).checkOrCreateDirectory = () => undefined;

export class FileUploadArea implements UploadArea {
  readonly datastore: UploadStore;
  private readonly finished = new FinishedUploads();

  constructor(
    private readonly dir: string,
    private readonly blobs: BlobStore,
    expireAfterMs?: number,
  ) {
    this.datastore = new UploadStore(dir, expireAfterMs, this.finished);
  }

  async finishedLength(id: string): Promise<number | undefined> {
    return this.finished.length(id);
  }

  async finish<R extends { ok: boolean }>(upload: Upload, store: (bytes: UploadedBytes) => Promise<R>): Promise<R | { ok: true }> {
    const path = join(this.dir, upload.id);
    let outcome: R;
    try {
      outcome = await store({ read: () => createReadStream(path), storeAs: (key) => this.blobs.adopt(key, path) });
    } finally {
      await this.discard(upload.id);
    }
    if (outcome.ok) this.finished.add(upload.id, upload.size ?? upload.offset);
    return outcome;
  }

  /** Drops an upload's bytes and its tus metadata file; either may already be gone. */
  private async discard(id: string) {
    await rm(join(this.dir, id), { force: true });
    await this.datastore.configstore.delete(id).catch(() => undefined);
  }

  /**
   * tus parts begun before `cutoff`: each has `<id>.json` with its `creation_date`. Finished
   * uploads are already gone (moved into the blob store), so every part left is unfinished.
   * Read here rather than by the FileStore's own `deleteExpired`, which reads the wall clock.
   */
  async expireBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      let created: number;
      try {
        created = Date.parse((JSON.parse(await readFile(join(this.dir, name), 'utf8')) as { creation_date?: string }).creation_date ?? '');
      } catch {
        continue; // being written, or removed meanwhile
      }
      if (!(created < cutoff.getTime())) continue;
      await rm(join(this.dir, id), { force: true });
      await rm(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}
