// A camera-like photo of a paper document, drawn in Chromium (no image tools on this machine):
// off-white paper with uneven light and sensor noise, a heading and lines of text from 8 to
// 24 px, encoded as JPEG at a phone camera's quality. Returns the file's bytes.
import type { Page } from 'playwright-core';

export async function documentPhoto(page: Page, opts: { width: number; height: number; seed: number; quality?: number }): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height, seed, quality }) => {
    let s = seed >>> 0 || 1;
    const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    const light = g.createRadialGradient(width * 0.4, height * 0.4, 0, width / 2, height / 2, width * 0.8);
    light.addColorStop(0, '#f4f1e8');
    light.addColorStop(1, '#c9c4b6');
    g.fillStyle = light;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#1d1d1f';
    const words = 'Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc giấy ủy quyền họ tên ngày sinh số căn cước nơi cư trú'.split(' ');
    const line = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const unit = width / 1000; // sizes are given for a 1000-px-wide page, scaled to the photo
    let y = 80 * unit;
    g.font = `bold ${24 * unit}px serif`;
    g.fillText('GIẤY ỦY QUYỀN', width * 0.35, y);
    for (const px of [16, 12, 10, 8]) {
      g.font = `${px * unit}px serif`;
      for (let i = 0; i < 6 && y < height - 60 * unit; i++) {
        y += px * unit * 1.8;
        g.fillText(line(Math.floor(900 / (px * 3.2))), 60 * unit, y);
      }
      y += 20 * unit;
    }
    const img = g.getImageData(0, 0, width, height);
    const px = img.data;
    for (let i = 0; i < px.length; i += 4) {
      const n = (rand() - 0.5) * 18;
      for (let c = i; c < i + 3; c++) px[c] = px[c]! + n; // Uint8ClampedArray clamps
    }
    g.putImageData(img, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, { quality: 0.92, ...opts });
  return Buffer.from(base64, 'base64');
}
