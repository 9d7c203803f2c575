// Reads what the app stored on the "phone" (IndexedDB of the page) with the raw API, as a check
// that does not go through the app's own code.
import type { Page } from 'playwright-core';

export interface StoredPage {
  id: string;
  dossierId: string;
  slot: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  shrunk?: boolean;
  originalSize?: number;
  /** Pixel size as a browser decodes the stored bytes (no EXIF left after shrinking). */
  width?: number;
  height?: number;
  bytes: Buffer;
}

export async function storedPages(page: Page): Promise<StoredPage[]> {
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ho-so-cong');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const r = db.transaction('attachments').objectStore('attachments').getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    const out = [];
    for (const a of all) {
      const blob = a.blob as Blob;
      let width: number | undefined;
      let height: number | undefined;
      if (String(a.mediaType).startsWith('image/')) {
        const bmp = await createImageBitmap(blob);
        width = bmp.width;
        height = bmp.height;
        bmp.close();
      }
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const { blob: _b, ...meta } = a;
      out.push({ ...meta, width, height, base64: btoa(bin) });
    }
    return out;
  });
  return rows.map(({ base64, ...r }) => ({ ...(r as unknown as Omit<StoredPage, 'bytes'>), bytes: Buffer.from(base64 as string, 'base64') }));
}
