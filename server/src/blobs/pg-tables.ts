// The tables of migration 0013 (store/kysely-blobs.ts) as Kysely sees them. PostgreSQL returns
// bigint as a string; callers convert with Number() (every size here is at most a few MB).
import type { ColumnType } from 'kysely';

type Int8 = ColumnType<string, number, number>;

export interface BlobTables {
  blobs: { key: string; size: Int8; stored_at: string };
  blob_chunks: { key: string; pos: Int8; data: Buffer };
  upload_parts: { id: string; size: ColumnType<string | null, number | null, number | null>; received: Int8; metadata: string; created_at: string; finished_at: string | null };
  upload_chunks: { upload_id: string; pos: Int8; data: Buffer };
  upload_locks: { upload_id: string; holder: string; expires_at: ColumnType<Date, never, never>; release_requested: boolean };
}

/**
 * Bytes per row. 256 KB: a phone's page photo is one to four rows, a 20 MB PDF eighty; reading
 * or writing holds one row in memory (plus pg's hex text of it, twice its size), so a 1-2 GB
 * node streams many files at once.
 */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Cuts a stream into CHUNK_BYTES pieces (the last one shorter) for `put`, one at a time. If
 * the stream fails, what arrived before is still put, then the error is thrown: a tus PATCH
 * cut short keeps the bytes it delivered.
 */
export async function putInChunks(source: AsyncIterable<Buffer | Uint8Array>, put: (data: Buffer) => Promise<void>): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let putFailed = false;
  const take = async (n: number) => {
    const all = Buffer.concat(pending, pendingBytes);
    try {
      await put(all.subarray(0, n));
    } catch (e) {
      putFailed = true;
      throw e;
    }
    pending = n < all.length ? [all.subarray(n)] : [];
    pendingBytes = all.length - n;
  };
  try {
    for await (const chunk of source) {
      pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      pendingBytes += chunk.length;
      while (pendingBytes >= CHUNK_BYTES) await take(CHUNK_BYTES);
    }
  } catch (e) {
    // The source failed: keep what it delivered. A refused put (offset conflict) is final.
    if (!putFailed && pendingBytes > 0) await take(pendingBytes);
    throw e;
  }
  if (pendingBytes > 0) await take(pendingBytes);
}
