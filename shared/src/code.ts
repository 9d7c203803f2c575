// Dossier code of Circular 01/2018/TT-VPCP art. 19: <agency id>-<YYMMDD>-<NNNN>,
// the sequence counted per agency per (Vietnamese) day. Plus the 4-character lookup code
// that must accompany the dossier code when someone checks its status without logging in.
import { vnLocal } from './workdays.ts';

export function dossierDay(at: Date): string {
  return vnLocal(at).date; // YYYY-MM-DD in Vietnamese time
}

export function formatDossierCode(agencyId: string, at: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`dossier sequence out of range: ${sequence}`);
  }
  const yymmdd = dossierDay(at).slice(2).replaceAll('-', '');
  return `${agencyId}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

const CODE_RE = /^(?<agency>[A-Za-z0-9.]+)-(?<date>\d{6})-(?<seq>\d{4})$/;

export function parseDossierCode(code: string): { agencyId: string; yymmdd: string; sequence: number } | null {
  const m = CODE_RE.exec(code);
  if (!m?.groups) return null;
  return { agencyId: m.groups.agency!, yymmdd: m.groups.date!, sequence: Number(m.groups.seq) };
}

/** No 0/O, 1/I/L, 5/S, 2/Z: read aloud over the phone or copied from paper without mistakes. */
export const LOOKUP_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

/** `randomBytes` must come from a cryptographic source; rejection sampling keeps it unbiased. */
export function lookupCodeFrom(randomBytes: Uint8Array): string {
  const n = LOOKUP_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  for (const b of randomBytes) {
    if (b >= limit) continue;
    out += LOOKUP_ALPHABET[b % n];
    if (out.length === 4) return out;
  }
  throw new Error('not enough random bytes for a lookup code');
}

export function normalizeLookupCode(input: string): string {
  return input.trim().toUpperCase();
}
