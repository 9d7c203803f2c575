// The dossier file: one JSON document with the dossier and every page (base64, with its SHA-256),
// readable on any device or browser. Ids are kept, so a dossier the commune already has is
// recognised as the same one. Versioned: a newer app reads older files; an older app refuses a
// newer file plainly instead of guessing.
import { Applicant, DossierStatus, Procedure, Receipt, Sha256Hex, SupplementItem, SupplementRequest, TimelineEntry, Uuid } from '@hsc/shared/schemas';
import { z } from 'zod';

export const FILE_FORMAT = 'ho-so-cong/dossier';
/**
 * 2 adds answers to supplement requests (`supplements`, pages with `supplementId`). A file
 * without any is still written as 1, so an older app reads it; one with them is 2, so an older
 * app refuses it instead of taking the added pages for the first submission's.
 */
export const FILE_VERSION = 2;
export const FILE_SUFFIX = '.hosocong.json';

/** Just enough to tell "not ours" from "ours, but newer" before the full check. */
export const FileHeader = z.object({ format: z.literal(FILE_FORMAT), version: z.number().int().min(1) });

const Time = z.number().int().min(0);

export const ExportedDossier = z.object({
  id: Uuid,
  procedureCode: z.string().min(1),
  /** The procedure version the dossier was filled in; absent in files from before versions. */
  procedure: Procedure.optional(),
  unitCode: z.string(),
  applicant: Applicant,
  fields: z.record(z.string(), z.string()),
  state: z.enum(['draft', 'queued', 'sending', 'received', 'attention']),
  localRef: z.string().min(1).max(20),
  deviceSecret: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Time,
  updatedAt: Time,
  queuedAt: Time.optional(),
  receipt: Receipt.optional(),
  status: DossierStatus.optional(),
  dueAt: z.string().optional(),
  timeline: z.array(TimelineEntry).optional(),
  statusCheckedAt: Time.optional(),
  supplement: SupplementRequest.optional(),
});

const States = z.enum(['draft', 'queued', 'sending', 'received', 'attention']);

/** An answer to a supplement request (file version 2). */
export const ExportedSupplement = z.object({
  id: Uuid,
  requestId: z.string().min(1),
  requestedAt: z.string(),
  items: z.array(SupplementItem),
  state: States,
  createdAt: Time,
  updatedAt: Time,
  queuedAt: Time.optional(),
  receipt: Receipt.optional(),
});

export const ExportedPage = z.object({
  id: Uuid,
  slot: z.string().min(1),
  order: z.number().int().min(0),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  size: z.number().int().min(0),
  sha256: Sha256Hex,
  originalSize: z.number().int().min(0).optional(),
  shrunk: z.boolean().optional(),
  /** A page added in answer to a supplement request (file version 2). */
  supplementId: Uuid.optional(),
  /** The page's bytes, base64. */
  data: z.string(),
});

export const DossierFile = FileHeader.extend({
  exportedAt: z.string(),
  dossier: ExportedDossier,
  pages: z.array(ExportedPage).max(500),
  supplements: z.array(ExportedSupplement).max(50).optional(),
});
export type DossierFile = z.infer<typeof DossierFile>;

export function fileNameFor(localRef: string): string {
  return `ho-so-${localRef.replace(/[^0-9A-Za-z-]/g, '')}${FILE_SUFFIX}`;
}

// Chunks of a multiple of 3 bytes encode to base64 without padding in the middle, so the pieces
// join into one valid string; and no single call gets a huge argument list.
const CHUNK = 3 * 8192;

export function base64Parts(bytes: Uint8Array): string[] {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    let s = '';
    for (let j = 0; j < slice.length; j++) s += String.fromCharCode(slice[j]!);
    parts.push(btoa(s));
  }
  return parts;
}

/** null for anything that is not clean base64. */
export function fromBase64(data: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) return null;
  try {
    const s = atob(data);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
