// Canonical JSON and the byte encodings a signed receipt travels in. Pure (no Node, no DOM), so
// the server that signs and the phone that verifies offline produce the very same bytes.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // Undefined members are dropped, as JSON.stringify would: an optional field left out and
    // one set to undefined must sign the same.
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Code-unit order (not localeCompare): the same on every engine and every locale.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value as Json;
}

/** Keys sorted at every level, no spaces. */
export const canonicalize = (value: unknown): string => JSON.stringify(sortKeys(value));

// shared's lib has no DOM types; TextEncoder/TextDecoder exist in every target (Node, browsers).
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, opts: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;

export const utf8Encode = (text: string): Uint8Array => new codecs.TextEncoder().encode(text);
/** Strict: bytes that are not valid UTF-8 are an error, never silently replaced. */
export const utf8Decode = (bytes: Uint8Array): string => new codecs.TextDecoder('utf-8', { fatal: true }).decode(bytes);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Writes `bits`-wide groups of the bytes with `alphabet` (no padding). */
function encodeBits(bytes: Uint8Array, alphabet: string, bits: number): string {
  let out = '';
  let acc = 0;
  let n = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    n += 8;
    while (n >= bits) {
      n -= bits;
      out += alphabet[(acc >> n) & ((1 << bits) - 1)];
    }
  }
  if (n > 0) out += alphabet[(acc << (bits - n)) & ((1 << bits) - 1)];
  return out;
}

/** Inverse of encodeBits; throws on a foreign character or on non-zero leftover bits. */
function decodeBits(text: string, alphabet: string, bits: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let n = 0;
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error('bad character');
    acc = ((acc << bits) | v) & 0xffff;
    n += bits;
    if (n >= 8) {
      n -= 8;
      out.push((acc >> n) & 0xff);
    }
  }
  // A canonical encoding has only zero bits left over: otherwise two texts would mean one value.
  if (n >= bits || (acc & ((1 << n) - 1)) !== 0) throw new Error('not canonical');
  return Uint8Array.from(out);
}

export const base64urlEncode = (bytes: Uint8Array): string => encodeBits(bytes, B64, 6);
export const base64urlDecode = (text: string): Uint8Array => decodeBits(text, B64, 6);
/** RFC 4648 base32, upper case, no padding: fits a QR code's alphanumeric mode. */
export const base32Encode = (bytes: Uint8Array): string => encodeBits(bytes, B32, 5);
export const base32Decode = (text: string): Uint8Array => decodeBits(text, B32, 5);
