// Shared test fixtures: a clean database, the seed catalog, a few communes, and complete dossiers.
import { SEED_CATALOG } from '@hsc/shared/catalog';
import type { Receipt, Unit } from '@hsc/shared/schemas';
import { sha256Hex } from '../capture/hash.ts';
import { addAttachment, listAttachments } from '../db/attachments.ts';
import { saveCatalog, saveUnits } from '../db/catalog.ts';
import { db } from '../db/db.ts';
import { createDraft, markReceived, markSending, patchDraft, queueDossier } from '../db/dossiers.ts';

export const UNITS: Unit[] = [
  { code: '05533', name: 'Phường Bá Xuyên', type: 'ward' },
  { code: '05518', name: 'Phường Sông Công', type: 'ward' },
  { code: '05716', name: 'Xã Võ Nhai', type: 'commune' },
  { code: '01849', name: 'Xã Phong Quang', type: 'commune' },
];

export async function resetDb(): Promise<void> {
  await Promise.all(db.tables.map((t) => t.clear()));
}

export async function seedReferenceData(): Promise<void> {
  await saveCatalog(SEED_CATALOG, 'test-1', '"etag-1"');
  await saveUnits(UNITS, '"units-1"');
}

export function bytes(text: string): Blob {
  return new Blob([new TextEncoder().encode(text)], { type: 'image/png' });
}

/** A signature-certification dossier (one field, two slots) with one page per slot, queued. */
export async function queuedDossier(name = 'Hoàng Thị Lan', pages: Record<string, string[]> = { idCard: ['id-front'], document: ['letter'] }) {
  const d = await createDraft('2.000884');
  await patchDraft(d.id, {
    unitCode: '05716',
    'applicant.fullName': name,
    'applicant.phone': '0912 345 678',
    'applicant.citizenId': '019123456789',
    'applicant.address': 'Xóm Làng Lường, xã Võ Nhai',
    'fields.documentName': 'Giấy ủy quyền',
  });
  for (const [slot, contents] of Object.entries(pages)) {
    for (const c of contents) {
      const blob = bytes(`${name}:${c}`);
      await addAttachment({ dossierId: d.id, slot, fileName: `${c}.png`, mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob });
    }
  }
  return queueDossier(d.id);
}

/** `queuedDossier`, sent and held by the commune: its receipt names every page. */
export async function receivedDossier(over: Partial<Receipt> = {}) {
  const d = await queuedDossier();
  const pages = await listAttachments(d.id);
  const receipt: Receipt = {
    dossierId: d.id,
    code: 'H19.05716-261126-0001',
    lookupCode: 'K3QX',
    unitCode: '05716',
    procedureCode: '2.000884',
    status: 'registered',
    receivedAt: '2026-11-26T02:05:00.000Z',
    dueAt: '2026-11-26T10:00:00.000Z',
    documents: pages.map((p) => ({ attachmentId: p.id, slot: p.slot, sha256: p.sha256, size: p.size })),
    ...over,
  };
  await markSending(d.id);
  await markReceived(d.id, receipt);
  return { d, receipt };
}
