// The pixel work of shrinking a photo, shared by the worker (OffscreenCanvas) and the main-thread
// fallback (a <canvas>): decode with the camera's orientation applied, scale the long side down
// to about 2000 px, re-encode. Only the canvas and the decoder differ between the two.

export interface ShrinkOptions {
  /** Long side after shrinking; a smaller photo is never enlarged. */
  maxSide: number;
  type: 'image/jpeg' | 'image/webp';
  /** Encoder quality for `type`, 0..1. */
  quality: number;
  /** JPEG quality where the browser cannot write `type` (JPEG needs more for the same detail). */
  jpegQuality: number;
  /** A photo already within `maxSide` and this many bytes is kept as picked. */
  keepBytes: number;
}

/**
 * 2000 px on the long side keeps 8-point print of an A4 page readable (about 9 px per mm) while a
 * 12-megapixel photo drops from several MB to a few hundred KB. WebP 0.8 was measured 2.2× smaller
 * than JPEG 0.82 with the same stroke darkness and better fidelity on small print (BENCHMARKS.md,
 * Shrink); every current browser shows WebP. JPEG 0.82 where WebP cannot be written (Safari < 17).
 */
export const SHRINK_DEFAULTS: ShrinkOptions = { maxSide: 2000, type: 'image/webp', quality: 0.8, jpegQuality: 0.82, keepBytes: 400 * 1024 };

export type ShrinkResult =
  | { kind: 'shrunk'; blob: Blob; width: number; height: number; sourceWidth: number; sourceHeight: number }
  | { kind: 'keep'; width: number; height: number };

/** Why a photo could not be shrunk: the picture itself, or this browser's missing tools. */
export class ShrinkError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ShrinkError';
  }
}

export interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** What a canvas must do for us; OffscreenCanvas and HTMLCanvasElement both fit behind it. */
export interface Surface {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  encode(type: string, quality: number): Promise<Blob>;
}

export interface ShrinkEnv {
  decode(file: Blob): Promise<Decoded>;
  surface(width: number, height: number): Surface;
}

/** Formats every office computer opens; anything else (HEIC, BMP, TIFF…) is always re-encoded. */
const KEEPABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const scale = maxSide / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Re-encoding a photo that is already small would only blur it a little more for no saving. */
export function alreadySmall(width: number, height: number, bytes: number, type: string, o: ShrinkOptions): boolean {
  return Math.max(width, height) <= o.maxSide && bytes <= o.keepBytes && KEEPABLE.has(type);
}

/** Learnt once per environment (page or worker): a browser that cannot write WebP is not asked again. */
const cannotWrite = new WeakMap<ShrinkEnv, Set<string>>();

async function encode(env: ShrinkEnv, surface: Surface, o: ShrinkOptions): Promise<Blob> {
  const known = cannotWrite.get(env) ?? new Set<string>();
  if (o.type !== 'image/jpeg' && !known.has(o.type)) {
    const blob = await surface.encode(o.type, o.quality);
    if (blob.type === o.type) return blob;
    // It silently wrote PNG (large) instead.
    cannotWrite.set(env, known.add(o.type));
  }
  return surface.encode('image/jpeg', o.jpegQuality);
}

export async function shrinkWith(env: ShrinkEnv, file: Blob, o: ShrinkOptions): Promise<ShrinkResult> {
  const decoded = await env.decode(file);
  try {
    const { width: sw, height: sh } = decoded;
    if (!sw || !sh) throw new ShrinkError('unreadable', 'image has no pixels');
    if (alreadySmall(sw, sh, file.size, file.type, o)) return { kind: 'keep', width: sw, height: sh };
    const { width, height } = fitWithin(sw, sh, o.maxSide);
    const surface = env.surface(width, height);
    const ctx = surface.context;
    // Transparent parts of a PNG would turn black in a JPEG: paper is white.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(decoded.source, 0, 0, width, height);
    const blob = await encode(env, surface, o);
    // Not smaller and not resized: the picked file is the better copy of the same pixels.
    if (width === sw && height === sh && blob.size >= file.size && KEEPABLE.has(file.type)) return { kind: 'keep', width: sw, height: sh };
    return { kind: 'shrunk', blob, width, height, sourceWidth: sw, sourceHeight: sh };
  } finally {
    decoded.close();
  }
}

/**
 * createImageBitmap with the camera's EXIF orientation applied. Browsers that predate the
 * 'from-image' value reject the option itself (TypeError); they apply EXIF by default anyway.
 */
export async function decodeBitmap(file: Blob): Promise<Decoded> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    if (!(e instanceof TypeError)) throw new ShrinkError('unreadable', e instanceof Error ? e.message : String(e));
    try {
      bitmap = await createImageBitmap(file);
    } catch (e2) {
      throw new ShrinkError('unreadable', e2 instanceof Error ? e2.message : String(e2));
    }
  }
  return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}
