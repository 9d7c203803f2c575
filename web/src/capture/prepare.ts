// From a picked file to the bytes the phone keeps and sends. Photos are shrunk (long side about
// 2000 px, orientation applied, JPEG) unless the person asked to keep the original; PDFs pass
// through unchanged. Re-encoding also drops the camera's metadata, GPS position included.
import { SHRINK_DEFAULTS, ShrinkError, type ShrinkOptions, type ShrinkResult } from './shrink-core.ts';

/** What the server accepts per file, and what an original or a PDF may weigh. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A photo about to be shrunk may be larger: only its shrunk copy is kept (108-MP cameras exist). */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;

export interface PreparedFile {
  blob: Blob;
  mediaType: string;
  fileName: string;
  /** Bytes of the file as picked. */
  originalSize: number;
  shrunk: boolean;
}

export type PrepareProblem = 'tooLarge' | 'wrongType' | 'unreadable';

export class PrepareError extends Error {
  constructor(
    readonly reason: PrepareProblem,
    readonly maxBytes?: number,
  ) {
    super(reason);
    this.name = 'PrepareError';
  }
}

export interface PrepareOptions {
  keepOriginal?: boolean;
  shrink: (file: Blob, options: ShrinkOptions) => Promise<ShrinkResult>;
  options?: ShrinkOptions;
}

/** Vector and animated formats are not photos of paper; shrinking would flatten them wrongly. */
const NOT_PHOTOS = new Set(['image/svg+xml', 'image/gif']);

function acceptable(type: string): boolean {
  return (type.startsWith('image/') && !NOT_PHOTOS.has(type)) || type === 'application/pdf';
}

export async function prepareFile(file: File, { keepOriginal = false, shrink, options = SHRINK_DEFAULTS }: PrepareOptions): Promise<PreparedFile> {
  const mediaType = file.type || guessType(file.name);
  const fileName = cleanFileName(file.name, mediaType);
  if (!acceptable(mediaType)) throw new PrepareError('wrongType');
  const asPicked: PreparedFile = { blob: file, mediaType, fileName, originalSize: file.size, shrunk: false };
  const isPhoto = mediaType.startsWith('image/');
  if (!isPhoto || keepOriginal) {
    if (file.size > MAX_FILE_BYTES) throw new PrepareError('tooLarge', MAX_FILE_BYTES);
    return asPicked;
  }
  if (file.size > MAX_PHOTO_BYTES) throw new PrepareError('tooLarge', MAX_PHOTO_BYTES);

  let result: ShrinkResult;
  try {
    // A File keeps its own (possibly guessed-away) type; the decoder wants the one we settled on.
    result = await shrink(file.type === mediaType ? file : new Blob([file], { type: mediaType }), options);
  } catch (e) {
    if (e instanceof ShrinkError && e.reason === 'unreadable') throw new PrepareError('unreadable');
    throw e;
  }
  if (result.kind === 'keep') {
    if (file.size > MAX_FILE_BYTES) throw new PrepareError('tooLarge', MAX_FILE_BYTES);
    return asPicked;
  }
  const type = result.blob.type || options.type;
  return { blob: result.blob, mediaType: type, fileName: withExtension(fileName, type), originalSize: file.size, shrunk: true };
}

function guessType(name: string): string {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'png') return 'image/png';
  if (ext === 'webp') return 'image/webp';
  if (ext === 'heic' || ext === 'heif') return 'image/heic';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  return 'application/octet-stream';
}

/** "IMG_0042.HEIC" shrunk to JPEG is sent as "IMG_0042.jpg", so office computers open it. */
export function withExtension(name: string, type: string): string {
  const ext = type === 'image/webp' ? '.webp' : '.jpg';
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return cleanFileName(base + ext, type);
}

/** Keeps names readable and within the server's 255 characters, extension intact. */
export function cleanFileName(name: string, type = ''): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  const trimmed = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  const fallback = `trang.${type === 'application/pdf' ? 'pdf' : type.startsWith('image/') ? type.slice(6).replace('jpeg', 'jpg') : 'bin'}`;
  const base = trimmed || fallback;
  if (base.length <= 120) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 120 - ext.length) + ext;
}
