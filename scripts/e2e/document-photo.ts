// A phone-camera photo of a paper document, drawn in Chromium (no image tools on this machine):
// off-white paper under uneven light, sensor noise, and blocks of Vietnamese text at several
// sizes, encoded as JPEG at a camera's quality. The text blocks are returned, so a benchmark
// can measure each size before and after shrinking.
import type { Page } from 'playwright-core';

export interface TextBlock {
  /** Font size in px of the photo. */
  px: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DocumentPhoto {
  bytes: Buffer;
  width: number;
  height: number;
  blocks: TextBlock[];
  /** An empty stretch of paper, for the noise floor of edge measures. */
  blank: { x: number; y: number; width: number; height: number };
}

export const TEXT_SIZES = [8, 10, 12, 16, 24, 32, 48];

export async function documentPhoto(page: Page, opts: { width: number; height: number; seed: number; quality?: number; sizes?: number[] }): Promise<DocumentPhoto> {
  const out = await page.evaluate(async ({ width, height, seed, quality, sizes }) => {
    let s = seed >>> 0 || 1;
    const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    const light = g.createRadialGradient(width * 0.4, height * 0.4, 0, width / 2, height / 2, width * 0.8);
    light.addColorStop(0, '#f4f1e8');
    light.addColorStop(1, '#cdc8ba');
    g.fillStyle = light;
    g.fillRect(0, 0, width, height);
    const words = 'Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc giấy ủy quyền họ tên ngày sinh số căn cước nơi cư trú 019123456789'.split(' ');
    const line = (chars: number) => {
      let t = '';
      while (t.length < chars) t += `${words[Math.floor(rand() * words.length)]} `;
      return t.trim();
    };
    g.fillStyle = '#1d1d1f';
    g.textBaseline = 'top';
    const margin = Math.round(width * 0.05);
    let y = Math.round(height * 0.04);
    g.font = `bold ${Math.round(width / 40)}px serif`;
    g.fillText('GIẤY ỦY QUYỀN', width * 0.36, y);
    y += Math.round(width / 40) * 2;
    const blocks: { px: number; x: number; y: number; width: number; height: number }[] = [];
    const blockWidth = Math.round(width * 0.55);
    for (const px of sizes) {
      g.font = `${px}px serif`;
      const top = y;
      for (let i = 0; i < 4; i++) {
        let text = line(Math.ceil(blockWidth / (px * 0.45)));
        while (g.measureText(text).width > blockWidth) text = text.slice(0, text.lastIndexOf(' '));
        g.fillText(text, margin, y);
        y += Math.round(px * 1.5);
      }
      blocks.push({ px, x: margin, y: top, width: blockWidth, height: y - top });
      y += Math.max(24, px);
    }
    // A signature-like stroke and a stamp, so the page is not text only.
    g.strokeStyle = '#1a3d8f';
    g.lineWidth = Math.max(2, width / 800);
    g.beginPath();
    g.moveTo(width * 0.7, height * 0.8);
    g.bezierCurveTo(width * 0.75, height * 0.7, width * 0.8, height * 0.9, width * 0.88, height * 0.78);
    g.stroke();
    g.strokeStyle = '#b3261e';
    g.beginPath();
    g.arc(width * 0.8, height * 0.62, width * 0.06, 0, Math.PI * 2);
    g.stroke();

    const img = g.getImageData(0, 0, width, height);
    const px = img.data;
    for (let i = 0; i < px.length; i += 4) {
      const n = (rand() - 0.5) * 18;
      px[i] = px[i]! + n; // Uint8ClampedArray clamps
      px[i + 1] = px[i + 1]! + n;
      px[i + 2] = px[i + 2]! + n;
    }
    g.putImageData(img, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const blank = { x: Math.round(width * 0.65), y: Math.round(height * 0.3), width: Math.round(width * 0.25), height: Math.round(height * 0.1) };
    return { base64: btoa(bin), blocks, blank };
  }, { quality: 0.92, sizes: TEXT_SIZES, ...opts });
  return { bytes: Buffer.from(out.base64, 'base64'), width: opts.width, height: opts.height, blocks: out.blocks, blank: out.blank };
}

/**
 * Adds the EXIF Orientation tag a phone writes when the photo was taken upright: the pixels stay
 * landscape and the viewer is told to turn them (6 = rotate 90° clockwise).
 */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD at offset 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, orientation >> 8, orientation & 0xff, 0x00, 0x00, // Orientation, SHORT, 1
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  // Right after SOI, where cameras put it.
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}
