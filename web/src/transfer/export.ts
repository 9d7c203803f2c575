// A dossier and its pages written to one file the person can keep or carry to another phone.
// The file is assembled from pieces in a Blob, so a dossier of many photos never has to exist
// as one huge string in the memory of a cheap phone.
import { listAttachments, listSupplementPages } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import { listSupplements } from '../db/supplements.ts';
import type { AttachmentRecord, DossierRecord, SupplementRecord } from '../db/types.ts';
import { base64Parts, FILE_FORMAT, FILE_VERSION, fileNameFor, type DossierFile } from './format.ts';

type ExportedDossier = DossierFile['dossier'];

/** What travels: the dossier as the commune knows it, not this phone's retry bookkeeping. */
function dossierPart(d: DossierRecord): ExportedDossier {
  const { id, procedureCode, unitCode, applicant, fields, state, localRef, deviceSecret, createdAt, updatedAt } = d;
  const out: ExportedDossier = { id, procedureCode, unitCode, applicant, fields, state, localRef, deviceSecret, createdAt, updatedAt };
  if (d.procedure) out.procedure = d.procedure;
  if (d.queuedAt !== undefined) out.queuedAt = d.queuedAt;
  if (d.receipt) out.receipt = d.receipt;
  if (d.status) out.status = d.status;
  if (d.dueAt) out.dueAt = d.dueAt;
  if (d.timeline) out.timeline = d.timeline;
  if (d.statusCheckedAt !== undefined) out.statusCheckedAt = d.statusCheckedAt;
  if (d.supplement) out.supplement = d.supplement;
  return out;
}

function supplementPart(s: SupplementRecord): NonNullable<DossierFile['supplements']>[number] {
  const { id, requestId, requestedAt, items, state, createdAt, updatedAt, queuedAt, receipt } = s;
  return { id, requestId, requestedAt, items, state, createdAt, updatedAt, ...(queuedAt !== undefined ? { queuedAt } : {}), ...(receipt ? { receipt } : {}) };
}

async function pageParts(p: AttachmentRecord): Promise<string[]> {
  const { id, slot, order, fileName, mediaType, size, sha256, originalSize, shrunk, supplementId } = p;
  const meta = JSON.stringify({ id, slot, order, fileName, mediaType, size, sha256, originalSize, shrunk, supplementId });
  const bytes = new Uint8Array(await p.blob.arrayBuffer());
  return [`${meta.slice(0, -1)},"data":"`, ...base64Parts(bytes), '"}'];
}

export async function exportDossier(id: string, now = new Date()): Promise<{ blob: Blob; fileName: string }> {
  const d = await getDossier(id);
  if (!d) throw new Error(`no dossier ${id}`);
  const answers = await listSupplements(id);
  // Every version the phone keeps travels: the first pages, then each answer's.
  const pages = [...(await listAttachments(id))];
  for (const a of answers) pages.push(...(await listSupplementPages(a.id)));
  const head = {
    format: FILE_FORMAT,
    version: answers.length ? FILE_VERSION : 1,
    exportedAt: now.toISOString(),
    dossier: dossierPart(d),
    ...(answers.length ? { supplements: answers.map(supplementPart) } : {}),
  };
  const parts: BlobPart[] = [`${JSON.stringify(head).slice(0, -1)},"pages":[`];
  for (const [i, p] of pages.entries()) {
    if (i > 0) parts.push(',');
    parts.push(...(await pageParts(p)));
  }
  parts.push(']}');
  return { blob: new Blob(parts, { type: 'application/json' }), fileName: fileNameFor(d.localRef) };
}
