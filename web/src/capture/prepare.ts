// The seam where photos will be shrunk on the phone (long side ~2000 px, orientation applied)
// in a later issue. Today every file passes through unchanged, so what the commune receives is
// byte for byte what the person picked.
export interface PreparedFile {
  blob: Blob;
  mediaType: string;
  fileName: string;
}

export async function prepareFile(file: File): Promise<PreparedFile> {
  return { blob: file, mediaType: file.type || guessType(file.name), fileName: cleanFileName(file.name, file.type) };
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

/** Keeps names readable and within the server's 255 characters, extension intact. */
export function cleanFileName(name: string, type = ''): string {
  const trimmed = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  const fallback = `trang.${type === 'application/pdf' ? 'pdf' : type.startsWith('image/') ? type.slice(6).replace('jpeg', 'jpg') : 'bin'}`;
  const base = trimmed || fallback;
  if (base.length <= 120) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 120 - ext.length) + ext;
}
