// Picks where stored files and tus parts live: in PostgreSQL when the store is PostgreSQL (any
// node serves any request, nothing on its disk), else files under DATA_DIR (one machine).
import type { Kysely } from 'kysely';
import { KyselyStore } from '../store/kysely-store.ts';
import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';
import { FileBlobStore, filesDir } from './file-blob-store.ts';
import { FileUploadArea } from './file-upload-area.ts';
import { PgBlobStore } from './pg-blob-store.ts';
import type { BlobTables } from './pg-tables.ts';
import { PgUploadArea, type PgLockTimings } from './pg-upload-area.ts';
import type { UploadArea } from './upload-area.ts';

export interface BlobStorage {
  blobs: BlobStore;
  uploads: UploadArea;
}

export function openBlobStorage(
  store: Store,
  opts: { dataDir: string; uploadsDir: string; now: () => Date; expireAfterMs: number; lockTimings?: PgLockTimings; log?: (e: unknown) => void },
): BlobStorage {
  if (store.kind === 'postgres' && store instanceof KyselyStore) {
    const db = store.db as unknown as Kysely<BlobTables>;
    const blobs = new PgBlobStore(db, opts.now);
    return { blobs, uploads: new PgUploadArea(db, blobs, opts.now, opts.expireAfterMs, opts.lockTimings, opts.log) };
  }
  const blobs = new FileBlobStore(filesDir(opts.dataDir));
  return { blobs, uploads: new FileUploadArea(opts.uploadsDir, blobs, opts.expireAfterMs) };
}
