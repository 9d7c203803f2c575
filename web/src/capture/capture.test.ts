import { describe, expect, it, beforeEach, vi } from 'vitest';
import { listAttachments } from '../db/attachments.ts';
import { db } from '../db/db.ts';
import { createDraft } from '../db/dossiers.ts';
import { calls, fakeShrink } from '../test-utils/fake-shrink.ts';
import { resetDb } from '../test-utils/fixtures.ts';
import { addFiles, MAX_FILE_BYTES } from './capture.ts';
import { sha256Hex } from './hash.ts';

beforeEach(async () => {
  await resetDb();
  calls.length = 0;
  vi.restoreAllMocks();
});

const file = (content: string | Uint8Array, name: string, type: string) => new File([content as BlobPart], name, { type });

/** A file of `size` bytes without allocating them one by one. */
const sized = (size: number, name: string, type: string) => new File([new Uint8Array(size)], name, { type });

describe('capture', () => {
  it('stores the shrunk copy of a large photo, hashed on the bytes kept, named after its type', async () => {
    const d = await createDraft('2.000884');
    const picked = file('big photo from the camera, several MB', 'IMG_0042.HEIC', 'image/heic');
    const r = await addFiles(d.id, 'idCard', [picked], 5, { shrink: fakeShrink });

    expect(r).toEqual({ added: 1, problems: [] });
    const [page] = await listAttachments(d.id);
    expect(await page!.blob.text()).toBe('small: photo from the c');
    expect(page).toMatchObject({ fileName: 'IMG_0042.webp', mediaType: 'image/webp', shrunk: true, originalSize: picked.size, size: page!.blob.size });
    expect(page!.sha256).toBe(await sha256Hex(page!.blob));
    expect(calls[0]?.options).toMatchObject({ maxSide: 2000, type: 'image/webp' });
  });

  it('keeps a photo that is already small exactly as picked', async () => {
    const d = await createDraft('2.000884');
    const picked = file('a small scan', 'scan.png', 'image/png');
    await addFiles(d.id, 'idCard', [picked], 5, { shrink: fakeShrink });
    const [page] = await listAttachments(d.id);
    expect(await page!.blob.text()).toBe('a small scan');
    expect(page).toMatchObject({ fileName: 'scan.png', mediaType: 'image/png', shrunk: false, sha256: await sha256Hex(picked) });
  });

  it('stores the original instead when the person asked to keep it, without decoding it', async () => {
    const d = await createDraft('2.000884');
    const picked = file('big original', 'IMG_1.jpg', 'image/jpeg');
    await addFiles(d.id, 'idCard', [picked], 5, { shrink: fakeShrink, keepOriginal: true });
    const [page] = await listAttachments(d.id);
    expect(await page!.blob.text()).toBe('big original');
    expect(page?.shrunk).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('passes a PDF through unchanged and never tries to decode it', async () => {
    const d = await createDraft('2.000884');
    const pdf = file('%PDF-1.7 big', 'giay.pdf', 'application/pdf');
    await addFiles(d.id, 'document', [pdf], 5, { shrink: fakeShrink });
    const [page] = await listAttachments(d.id);
    expect(page).toMatchObject({ fileName: 'giay.pdf', mediaType: 'application/pdf', size: pdf.size, shrunk: false });
    expect(calls).toHaveLength(0);
  });

  it('refuses a PDF or a kept original above 20 MB, and a photo to shrink above 40 MB, storing nothing', async () => {
    const d = await createDraft('2.000884');
    const r = await addFiles(
      d.id,
      'document',
      [sized(MAX_FILE_BYTES + 1, 'big.pdf', 'application/pdf'), sized(40 * 1024 * 1024 + 1, 'huge.jpg', 'image/jpeg')],
      5,
      { shrink: fakeShrink },
    );
    expect(r.problems).toEqual([
      { fileName: 'big.pdf', reason: 'tooLarge', maxMb: 20 },
      { fileName: 'huge.jpg', reason: 'tooLarge', maxMb: 40 },
    ]);
    const kept = await addFiles(d.id, 'document', [sized(MAX_FILE_BYTES + 1, 'orig.jpg', 'image/jpeg')], 5, { shrink: fakeShrink, keepOriginal: true });
    expect(kept.problems).toEqual([{ fileName: 'orig.jpg', reason: 'tooLarge', maxMb: 20 }]);
    expect(await listAttachments(d.id)).toHaveLength(0);
  });

  it('says a damaged photo cannot be opened, stores nothing for it and still stores the others', async () => {
    const d = await createDraft('2.000884');
    const r = await addFiles(d.id, 'document', [file('broken bytes', 'hong.jpg', 'image/jpeg'), file('big fine', 'ok.jpg', 'image/jpeg')], 5, { shrink: fakeShrink });
    expect(r.problems).toEqual([{ fileName: 'hong.jpg', reason: 'unreadable' }]);
    expect((await listAttachments(d.id)).map((p) => p.fileName)).toEqual(['ok.webp']);
  });

  it('refuses files that are neither photos nor PDFs', async () => {
    const d = await createDraft('2.000884');
    const r = await addFiles(d.id, 'document', [file('<svg/>', 'x.svg', 'image/svg+xml'), file('PK', 'x.zip', 'application/zip')], 5, { shrink: fakeShrink });
    expect(r.problems.map((p) => p.reason)).toEqual(['wrongType', 'wrongType']);
  });

  it('on a full disk keeps every page saved before, says so plainly and stops the batch', async () => {
    const d = await createDraft('2.000884');
    await addFiles(d.id, 'document', [file('big first', 'p1.jpg', 'image/jpeg')], 5, { shrink: fakeShrink });
    // IndexedDB refuses the write the way Chrome does when the quota is reached.
    vi.spyOn(db.attachments, 'add').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    const r = await addFiles(d.id, 'document', [file('big second', 'p2.jpg', 'image/jpeg'), file('big third', 'p3.jpg', 'image/jpeg')], 5, { shrink: fakeShrink });

    expect(r).toEqual({ added: 0, problems: [{ fileName: 'p2.jpg', reason: 'quota' }, { fileName: 'p3.jpg', reason: 'quota' }] });
    const pages = await listAttachments(d.id);
    expect(pages.map((p) => p.fileName)).toEqual(['p1.webp']);
    expect(await pages[0]!.blob.text()).toBe('small: first');
  });

  it('stops at the slot’s page limit', async () => {
    const d = await createDraft('2.000884');
    const r = await addFiles(d.id, 'idCard', [file('a', 'a.png', 'image/png'), file('b', 'b.png', 'image/png')], 1, { shrink: fakeShrink });
    expect(r).toEqual({ added: 1, problems: [{ fileName: 'b.png', reason: 'tooManyPages' }] });
  });
});
