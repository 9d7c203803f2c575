// Sending stored files (attachments, results) to a browser. Uploaded bytes are untrusted: only
// images and PDF are shown inline, anything else downloads as octet-stream, the type is never
// sniffed, and a sandbox CSP keeps a crafted file from running script on this origin.
import { FILE_NAME_HEADER, type ApiError } from '@hsc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { FileOut } from '../services/desk.ts';
import { apiError } from './errors.ts';
import { langOf, text } from './texts.ts';

const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);

function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendFile(reply: FastifyReply, file: FileOut, opts: { download?: boolean; cacheControl?: string } = {}) {
  const inline = INLINE.has(file.mediaType) && !opts.download;
  // Chromium's PDF viewer refuses to run in a sandboxed document; a PDF cannot script this origin anyway.
  if (file.mediaType !== 'application/pdf') reply.header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  return reply
    .header('content-type', INLINE.has(file.mediaType) ? file.mediaType : 'application/octet-stream')
    .header('content-length', String(file.size))
    .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', opts.cacheControl ?? 'private, no-store')
    .send(file.stream);
}

/** The uploaded file's name from its header (URI-encoded so any Vietnamese name survives), or undefined. */
export function fileNameOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || header.length === 0 || header.length > 1000) return undefined;
  try {
    const name = decodeURIComponent(header).trim();
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    return name && name.length <= 255 && !/[\u0000-\u001f/\\]/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A file sent as the raw body (its type in Content-Type, its name in x-file-name), or the answer refusing it. */
export type RawUpload = { ok: true; body: Readable; mediaType: string; fileName: string } | { ok: false; status: 400 | 413 | 415; error: ApiError };

export function rawUpload(req: FastifyRequest, maxBytes: number): RawUpload {
  const lang = langOf(req);
  const fileName = fileNameOf(req.headers[FILE_NAME_HEADER]);
  if (!fileName) {
    return { ok: false, status: 400, error: apiError(lang, 'invalid', { fields: [{ path: `headers.${FILE_NAME_HEADER}`, code: 'required', message: text(lang, 'invalidValue') }] }) };
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return { ok: false, status: 413, error: apiError(lang, 'too_large') };
  if (!req.body) return { ok: false, status: 415, error: apiError(lang, 'unsupported_media_type') };
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return { ok: true, body: req.body as Readable, mediaType, fileName };
}
