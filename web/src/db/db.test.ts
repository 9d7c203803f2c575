import { describe, expect, it, beforeEach } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { bytes, resetDb } from '../test-utils/fixtures.ts';
import { addAttachment, listAttachments, moveAttachment, removeAttachment } from './attachments.ts';
import { db, HscDatabase } from './db.ts';
import { createDraft, getDossier, patchDraft, queueDossier, resendAsNew, markAttention, markSending, toSubmission } from './dossiers.ts';
import { acceptPrivacy, getSettings } from './settings.ts';

beforeEach(resetDb);

describe('drafts', () => {
  it('are created with device-made ids, a short reference and a secret', async () => {
    const d = await createDraft('1.001193', 1000);
    expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.localRef).toMatch(/^HS-[346789ABCDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(d.deviceSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(d.state).toBe('draft');
  });

  it('save field by field and read back from a freshly opened database', async () => {
    const d = await createDraft('1.001193', 1000);
    await patchDraft(d.id, { 'applicant.fullName': 'Nguyễn Thị Hoa' }, 2000);
    await patchDraft(d.id, { 'fields.childName': 'Nguyễn Văn An', unitCode: '05533' }, 3000);

    const reopened = new HscDatabase();
    await reopened.open();
    const stored = await reopened.dossiers.get(d.id);
    reopened.close();
    expect(stored?.applicant.fullName).toBe('Nguyễn Thị Hoa');
    expect(stored?.fields).toEqual({ childName: 'Nguyễn Văn An' });
    expect(stored?.unitCode).toBe('05533');
    expect(stored?.updatedAt).toBe(3000);
  });

  it('are frozen once queued: normalised, and further edits refused', async () => {
    const d = await createDraft('2.000884');
    await patchDraft(d.id, { 'applicant.phone': '+84 912 345 678', 'applicant.citizenId': '019 123 456 789', 'fields.documentName': '  Giấy  ', 'applicant.email': ' ' });
    const q = await queueDossier(d.id, 5000);
    expect(q.state).toBe('queued');
    expect(q.queuedAt).toBe(5000);
    expect(q.applicant.phone).toBe('0912345678');
    expect(q.applicant.citizenId).toBe('019123456789');
    expect(q.applicant.email).toBeUndefined();
    expect(q.fields.documentName).toBe('Giấy');
    expect(await patchDraft(d.id, { 'applicant.fullName': 'X' })).toBe(false);
    expect((await getDossier(d.id))?.applicant.fullName).toBe('');
  });
});

describe('attachments', () => {
  it('keep their Blob bytes and SHA-256 intact in IndexedDB', async () => {
    const d = await createDraft('2.000884');
    const blob = bytes('page one');
    const sha = await sha256Hex(blob);
    await addAttachment({ dossierId: d.id, slot: 'idCard', fileName: 'a.png', mediaType: 'image/png', size: blob.size, sha256: sha, blob });

    const [stored] = await db.attachments.where('dossierId').equals(d.id).toArray();
    expect(stored?.blob).toBeInstanceOf(Blob);
    expect(await stored!.blob.text()).toBe('page one');
    expect(await sha256Hex(stored!.blob)).toBe(sha);
    expect(stored?.uploaded).toBe(false);
  });

  it('can be reordered and removed within a slot, and the submission lists them in order', async () => {
    const d = await createDraft('2.000884');
    for (const name of ['p1', 'p2', 'p3']) {
      const blob = bytes(name);
      await addAttachment({ dossierId: d.id, slot: 'document', fileName: `${name}.png`, mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob });
    }
    let pages = await listAttachments(d.id);
    await moveAttachment(pages[2]!.id, -1);
    pages = await listAttachments(d.id);
    expect(pages.map((p) => p.fileName)).toEqual(['p1.png', 'p3.png', 'p2.png']);
    await removeAttachment(pages[0]!.id);
    pages = await listAttachments(d.id);
    expect(toSubmission(d, pages).attachments.map((a) => a.fileName)).toEqual(['p3.png', 'p2.png']);
  });

  it('cannot be added once the dossier is queued', async () => {
    const d = await createDraft('2.000884');
    await queueDossier(d.id);
    const blob = bytes('late');
    await expect(
      addAttachment({ dossierId: d.id, slot: 'idCard', fileName: 'late.png', mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob }),
    ).rejects.toThrow();
  });
});

describe('a conflicting dossier resent as new', () => {
  it('gets fresh ids for itself and its pages, which must be uploaded again', async () => {
    const d = await createDraft('2.000884');
    const blob = bytes('x');
    const page = await addAttachment({ dossierId: d.id, slot: 'idCard', fileName: 'x.png', mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob });
    await queueDossier(d.id);
    await db.attachments.update(page.id, { uploaded: true, uploadUrl: 'http://x/1' });
    await markSending(d.id);
    await markAttention(d.id, { code: 'conflict', message: 'differs' });

    const newId = await resendAsNew(d.id);
    expect(newId).not.toBe(d.id);
    expect(await getDossier(d.id)).toBeUndefined();
    const fresh = await getDossier(newId!);
    expect(fresh?.state).toBe('queued');
    expect(fresh?.localRef).toBe(d.localRef);
    const [copy] = await listAttachments(newId!);
    expect(copy?.id).not.toBe(page.id);
    expect(copy?.uploaded).toBe(false);
    expect(copy?.uploadUrl).toBeUndefined();
    expect(await copy!.blob.text()).toBe('x');
  });
});

describe('settings', () => {
  it('remember when the privacy notice was read', async () => {
    expect(await getSettings()).toEqual({ key: 'app' });
    await acceptPrivacy(42);
    expect(await getSettings()).toEqual({ key: 'app', privacyAcceptedAt: 42 });
  });
});
