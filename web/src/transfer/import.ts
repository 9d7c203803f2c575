// A dossier file read back in: checked with zod, every page's bytes checked against its SHA-256,
// and stored under the same ids. A dossier that had not reached the commune goes back into the
// outbox; if it had in fact arrived, the server's idempotency answers with the same receipt.
import { sha256Hex } from '../capture/hash.ts';
import { restoreDossier } from '../db/dossiers.ts';
import { isQuotaError } from '../db/storage.ts';
import type { AttachmentRecord, DossierRecord, DossierState, SupplementRecord } from '../db/types.ts';
import { DossierFile, FILE_VERSION, FileHeader, fromBase64 } from './format.ts';

export type ImportResult =
  | { ok: true; id: string; state: DossierState; localRef: string }
  | { ok: false; reason: 'notOurs' | 'newer' | 'quota' }
  | { ok: false; reason: 'damaged'; detail: string }
  | { ok: false; reason: 'exists'; id: string; localRef: string };

/** Sending states restart from the outbox on the new device; its retry history stays behind. */
function restoredState(state: DossierState): DossierState {
  return state === 'draft' || state === 'received' ? state : 'queued';
}

async function readJson(file: Blob): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    return undefined;
  }
}

export async function importDossier(file: Blob, now = Date.now()): Promise<ImportResult> {
  const json = await readJson(file);
  const header = FileHeader.safeParse(json);
  if (!header.success) return { ok: false, reason: 'notOurs' };
  if (header.data.version > FILE_VERSION) return { ok: false, reason: 'newer' };
  const parsed = DossierFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'damaged', detail: issue ? issue.path.join('.') || issue.message : 'format' };
  }
  const { dossier: d, pages, supplements = [] } = parsed.data;
  const state = restoredState(d.state);
  const answers: SupplementRecord[] = supplements.map((s) => ({ ...s, dossierId: d.id, state: restoredState(s.state), attempts: 0, updatedAt: now }));
  const answerState = new Map(answers.map((a) => [a.id, a.state]));
  if (pages.some((p) => p.supplementId && !answerState.has(p.supplementId))) return { ok: false, reason: 'damaged', detail: 'supplementId' };

  const records: AttachmentRecord[] = [];
  for (const p of pages) {
    const bytes = fromBase64(p.data);
    const blob = bytes ? new Blob([bytes], { type: p.mediaType }) : undefined;
    if (!blob || blob.size !== p.size || (await sha256Hex(blob)) !== p.sha256) return { ok: false, reason: 'damaged', detail: p.fileName };
    const { data: _bytes, originalSize, shrunk, ...meta } = p;
    const held = p.supplementId ? answerState.get(p.supplementId) === 'received' : state === 'received';
    records.push({ ...meta, dossierId: d.id, blob, originalSize: originalSize ?? p.size, shrunk: shrunk ?? false, uploaded: held });
  }

  const record: DossierRecord = { ...d, state, attempts: 0, updatedAt: now };
  if (state === 'queued') record.queuedAt ??= now;
  try {
    const outcome = await restoreDossier(record, records, answers);
    if (!outcome.ok) return { ok: false, reason: 'exists', id: outcome.existing?.id ?? d.id, localRef: outcome.existing?.localRef ?? d.localRef };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, reason: 'quota' };
    throw e;
  }
  return { ok: true, id: d.id, state, localRef: d.localRef };
}
