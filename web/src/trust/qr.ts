// Drawing a receipt's QR code. `qrcode` is imported here only, by the lazy trust chunks; it
// picks the alphanumeric mode by itself for the HSC1 text (upper case, digits and dots).
import type { Receipt } from '@hsc/shared/schemas';
import { toQrText } from '@hsc/shared/receipt-signing';

export const qrTextOf = async (r: Receipt): Promise<string | undefined> =>
  r.signed && r.signature && r.kid ? toQrText({ signed: r.signed, signature: r.signature, kid: r.kid }) : undefined;

/** The largest version that scans reliably from a 360-px phone screen. */
export const MAX_SCREEN_VERSION = 15;

/**
 * Medium error correction (a scratched print still reads) while the code stays within
 * MAX_SCREEN_VERSION; low beyond that, since a bigger code is harder to scan than a damaged one.
 */
export async function qrOptions(text: string) {
  const QRCode = (await import('qrcode')).default;
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const level = m.version <= MAX_SCREEN_VERSION ? ('M' as const) : ('L' as const);
  return { errorCorrectionLevel: level, margin: 4, version: level === 'M' ? m.version : QRCode.create(text, { errorCorrectionLevel: 'L' }).version };
}

export async function drawQr(canvas: HTMLCanvasElement, text: string, width: number): Promise<number> {
  const QRCode = (await import('qrcode')).default;
  const { version, ...options } = await qrOptions(text);
  await QRCode.toCanvas(canvas, text, { ...options, width });
  return version;
}

/**
 * Draws the QR now or, while its drawing code has not been fetched (it is cached on first use)
 * and the phone is offline, as soon as it is online again. `onDrawn` gets the version drawn,
 * `onLater` is called while it waits. Returns the stop.
 */
export function drawQrWhenOnline(canvas: HTMLCanvasElement, text: string, width: number, onDrawn: (version: number) => void, onLater: () => void): () => void {
  let live = true;
  const draw = () => drawQr(canvas, text, width).then((v) => live && onDrawn(v), () => live && onLater());
  void draw();
  window.addEventListener('online', draw);
  return () => {
    live = false;
    window.removeEventListener('online', draw);
  };
}

/** Fetches the QR drawing while there is a network, so a receipt shows its code offline later. */
export const warmQr = (): Promise<unknown> => import('qrcode');

/** A PNG of the QR with the codes written under it, for the gallery or a chat. */
export async function receiptImage(r: Receipt, text: string, lines: string[]): Promise<Blob> {
  const qr = document.createElement('canvas');
  await drawQr(qr, text, 720);
  const lineHeight = 44;
  const out = document.createElement('canvas');
  out.width = qr.width;
  out.height = qr.height + lines.length * lineHeight + 40;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(qr, 0, 0);
  ctx.fillStyle = '#111';
  ctx.font = '32px sans-serif';
  ctx.textAlign = 'center';
  lines.forEach((l, i) => ctx.fillText(l, out.width / 2, qr.height + (i + 1) * lineHeight));
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
}

export const imageName = (r: Receipt) => `bien-nhan-${r.code}.png`;
