// The result document: downloaded with the device secret, checked against the SHA-256 the
// status announced, and kept in IndexedDB so it opens offline later. Loaded by the dossier
// screen only when the button is pressed.
import { sha256Hex } from '../capture/hash.ts';
import { saveResult } from '../db/results.ts';
import type { DossierRecord } from '../db/types.ts';
import { getResultFile, type ApiClient } from './api.ts';

export type ResultDownload = 'ok' | 'failed' | 'corrupt';

const browserApi = (): ApiClient => ({ fetch: (...args: Parameters<typeof fetch>) => fetch(...args), base: location.origin });

export async function downloadResult(dossier: DossierRecord, api: ApiClient = browserApi(), now = Date.now()): Promise<ResultDownload> {
  const expected = dossier.result;
  if (!expected) return 'failed';
  let blob: Blob | null;
  try {
    blob = await getResultFile(api, dossier.id, dossier.deviceSecret);
  } catch {
    return 'failed';
  }
  if (!blob) return 'failed';
  // Bytes damaged on the way are never kept as "the result".
  if ((await sha256Hex(blob)) !== expected.sha256) return 'corrupt';
  const typed = blob.type === expected.mediaType ? blob : new Blob([blob], { type: expected.mediaType });
  await saveResult({ dossierId: dossier.id, fileName: expected.fileName, mediaType: expected.mediaType, size: typed.size, sha256: expected.sha256, blob: typed, downloadedAt: now });
  return 'ok';
}
