import { SEED_CATALOG } from '@hsc/shared/catalog';
import type { Procedure } from '@hsc/shared/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { bytes, resetDb, seedReferenceData } from '../test-utils/fixtures.ts';
import { addAttachment, listAttachments } from './attachments.ts';
import { db } from './db.ts';
import { createDraft, getDossier, patchDraft, pinProcedure, queueDossier, toSubmission, updateDraftProcedure } from './dossiers.ts';

const SIGNATURE = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const L = (vi: string) => ({ vi, en: vi });

async function page(dossierId: string, slot: string) {
  const blob = bytes(`${slot}-page`);
  return addAttachment({ dossierId, slot, fileName: `${slot}.png`, mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob });
}

beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});

describe('a draft’s procedure version', () => {
  it('is the catalog’s at creation, and the body names it', async () => {
    const d = await createDraft('2.000884');
    expect(d.procedure).toEqual(SIGNATURE);
    await db.procedures.put({ ...SIGNATURE, version: 2 });
    await patchDraft(d.id, { 'fields.documentName': 'Giấy ủy quyền' });
    const queued = await queueDossier(d.id);
    expect(toSubmission(queued, [])).toMatchObject({ procedureCode: '2.000884', procedureVersion: 1, fields: { documentName: 'Giấy ủy quyền' } });
  });

  it('is taken at Send by a draft made before versions, which sent no version until then', async () => {
    const d = await createDraft('2.000884');
    await db.dossiers.update(d.id, { procedure: undefined });
    expect(toSubmission((await getDossier(d.id))!, [])).not.toHaveProperty('procedureVersion');
    expect(toSubmission(await queueDossier(d.id), []).procedureVersion).toBe(1);
  });

  it('is pinned once for an old draft, and never replaced by pinning', async () => {
    const d = await createDraft('2.000884');
    await db.dossiers.update(d.id, { procedure: undefined });
    expect(await pinProcedure(d.id, { ...SIGNATURE, version: 3 })).toBe(true);
    expect(await pinProcedure(d.id, { ...SIGNATURE, version: 4 })).toBe(false);
    expect((await getDossier(d.id))?.procedure?.version).toBe(3);
  });

  it('moves to a newer version on request, keeping the values and pages it still asks for', async () => {
    const d = await createDraft('2.000884');
    await patchDraft(d.id, { 'fields.documentName': 'Giấy ủy quyền', 'applicant.fullName': 'Hoàng Thị Lan' });
    const kept = await page(d.id, 'idCard');
    await page(d.id, 'document');
    const v2: Procedure = {
      ...SIGNATURE,
      version: 2,
      fields: [{ key: 'copies', type: 'number', required: true, label: L('Số bản') }, { key: 'signers', type: 'group', required: true, label: L('Người ký'), fields: [{ key: 'name', type: 'text', required: true, label: L('Tên') }] }],
      documents: SIGNATURE.documents.filter((s) => s.key === 'idCard'),
    };
    expect(await updateDraftProcedure(d.id, v2)).toBe(true);
    const after = await getDossier(d.id);
    expect(after?.procedure?.version).toBe(2);
    expect(after?.fields).toEqual({ 'signers.#': 'r1' });
    expect(after?.applicant.fullName).toBe('Hoàng Thị Lan');
    expect((await listAttachments(d.id)).map((p) => p.id)).toEqual([kept.id]);
  });
});
