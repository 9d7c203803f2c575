// Verifying a signed receipt (or a signed Mẫu 01-04 form) with nothing but the public keys:
// on the phone, offline, and in the server's tests. The signature covers `signed`, the exact
// UTF-8 bytes of the document's canonical JSON; what a verifier shows is decoded from those
// bytes, never from the (unsigned) fields around them.
import { base32Decode, base32Encode, base64urlDecode, base64urlEncode, canonicalize, utf8Decode, utf8Encode, type Json } from './canonical.ts';

export const SIGNATURE_ALG = 'Ed25519';
/** The members a signature adds to a document; everything else is what is signed. */
export const SIGNATURE_MEMBERS = ['signed', 'signature', 'kid'] as const;

export interface SignatureFields {
  /** base64url of the canonical JSON's UTF-8 bytes. */
  signed: string;
  /** base64url of the 64-byte Ed25519 signature over those bytes. */
  signature: string;
  /** Which key signed: the first 16 hex digits of SHA-256 of the raw public key. */
  kid: string;
}

export interface PublicKeyEntry {
  kid: string;
  alg: typeof SIGNATURE_ALG;
  /** base64url of the 32 raw bytes. */
  publicKey: string;
}

/** The canonical JSON that is signed: the document without its signature members. */
export function signingPayload(doc: object): string {
  const rest: Record<string, unknown> = { ...doc };
  for (const m of SIGNATURE_MEMBERS) delete rest[m];
  return canonicalize(rest);
}

export type Verdict =
  | { kind: 'valid'; kid: string; payload: Record<string, Json> }
  /** The signature does not match the bytes: altered after signing, or never signed by us. */
  | { kind: 'forged'; kid: string }
  /** Signed with a key this device does not know (another server, or keys not yet fetched). */
  | { kind: 'unknown_key'; kid: string }
  /** Not a receipt at all (cut short, mistyped, another QR code). */
  | { kind: 'malformed' };

// node:crypto is off limits here; both Node 20 and the browsers expose WebCrypto on globalThis.
// shared's lib has no DOM types, so the few members used are typed here.
interface Subtle {
  importKey(format: 'raw', key: Uint8Array, alg: { name: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(alg: { name: string }, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
const subtle = (): Subtle => (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;

export async function verifySignature(fields: SignatureFields, keys: readonly PublicKeyEntry[]): Promise<Verdict> {
  let data: Uint8Array;
  let signature: Uint8Array;
  try {
    data = base64urlDecode(fields.signed);
    signature = base64urlDecode(fields.signature);
  } catch {
    return { kind: 'malformed' };
  }
  const entry = keys.find((k) => k.kid === fields.kid && k.alg === SIGNATURE_ALG);
  if (!entry) return { kind: 'unknown_key', kid: fields.kid };
  // From here the receipt names a key we hold: bytes that are not our JSON were altered.
  let payload: unknown;
  try {
    payload = JSON.parse(utf8Decode(data));
  } catch {
    return { kind: 'forged', kid: fields.kid };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || signature.length !== 64) return { kind: 'forged', kid: fields.kid };
  const key = await subtle().importKey('raw', base64urlDecode(entry.publicKey), { name: SIGNATURE_ALG }, false, ['verify']);
  const ok = await subtle().verify({ name: SIGNATURE_ALG }, key, signature, data);
  // Bytes that verify but are not canonical were not made by our signer: treat as altered.
  if (!ok || canonicalize(payload) !== utf8Decode(data)) return { kind: 'forged', kid: fields.kid };
  return { kind: 'valid', kid: fields.kid, payload: payload as Record<string, Json> };
}

/**
 * A whole signed document (e.g. a receipt as stored on the phone): the signature must hold and
 * the visible members must be exactly what was signed, so an edited due date next to an intact
 * `signed` is caught as altered too.
 */
export async function verifyDocument(document: object, keys: readonly PublicKeyEntry[]): Promise<Verdict> {
  const doc = document as Partial<Record<keyof SignatureFields, unknown>>;
  if (typeof doc.signed !== 'string' || typeof doc.signature !== 'string' || typeof doc.kid !== 'string') return { kind: 'malformed' };
  const verdict = await verifySignature({ signed: doc.signed, signature: doc.signature, kid: doc.kid }, keys);
  if (verdict.kind === 'valid' && canonicalize(verdict.payload) !== signingPayload(document)) return { kind: 'forged', kid: doc.kid };
  return verdict;
}

// ---- The QR text ----
// `HSC1.<KID>.<DATA>.<SIGNATURE>`: the kid in upper-case hex; DATA the signed bytes compressed
// (raw DEFLATE: JSON keys and hex digests shrink by about 40 %); both in RFC 4648 base32. Every
// character is in the QR alphanumeric set (5.5 bits a character against 8 in byte mode), so a
// receipt with two documents fits a version 15 code, which scans from a 360-px phone screen.

export const QR_PREFIX = 'HSC1';
/** A receipt is a few hundred bytes; anything that inflates past this is not one. */
const MAX_SIGNED_BYTES = 64 * 1024;

// Compression streams exist in every target (Node 18+, Chromium 80+, Safari 16.4+, Firefox
// 113+); shared's lib has no DOM types, so the members used are typed here.
interface StreamGlobals {
  Blob: new (parts: Uint8Array[]) => { stream(): { pipeThrough(t: unknown): unknown } };
  Response: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
  CompressionStream: new (format: string) => unknown;
  DecompressionStream: new (format: string) => unknown;
}
const streams = globalThis as unknown as StreamGlobals;
const through = async (bytes: Uint8Array, transform: unknown) =>
  new Uint8Array(await new streams.Response(new streams.Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer());

export async function toQrText(f: SignatureFields): Promise<string> {
  const packed = await through(base64urlDecode(f.signed), new streams.CompressionStream('deflate-raw'));
  return [QR_PREFIX, f.kid.toUpperCase(), base32Encode(packed), base32Encode(base64urlDecode(f.signature))].join('.');
}

/**
 * The signature members back from a QR text (spaces and line breaks from a paste ignored).
 * `undefined`: not a receipt's QR text at all. `'altered'`: the frame is a receipt's but the
 * signed part no longer unpacks (a character was changed in it).
 */
export async function fromQrText(text: string): Promise<SignatureFields | 'altered' | undefined> {
  const parts = text.replace(/\s+/g, '').split('.');
  if (parts.length !== 4 || parts[0]?.toUpperCase() !== QR_PREFIX) return undefined;
  const [, kid, data, signature] = parts as [string, string, string, string];
  if (!/^[0-9A-Fa-f]{16}$/.test(kid) || !/^[A-Za-z2-7]+$/.test(data) || !/^[A-Za-z2-7]{103}$/.test(signature)) return undefined;
  try {
    const signed = await through(base32Decode(data.toUpperCase()), new streams.DecompressionStream('deflate-raw'));
    if (signed.length > MAX_SIGNED_BYTES) return 'altered';
    return { kid: kid.toLowerCase(), signed: base64urlEncode(signed), signature: base64urlEncode(base32Decode(signature.toUpperCase())) };
  } catch {
    return 'altered';
  }
}

/** Whatever a person pasted or scanned: a QR text, or a receipt's JSON with its signature. */
export async function verifyText(text: string, keys: readonly PublicKeyEntry[]): Promise<Verdict> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return await verifyDocument(JSON.parse(trimmed) as object, keys);
    } catch {
      return { kind: 'malformed' };
    }
  }
  const fields = await fromQrText(trimmed);
  if (fields === 'altered') {
    const kid = trimmed.split('.')[1]!.toLowerCase();
    return keys.some((k) => k.kid === kid) ? { kind: 'forged', kid } : { kind: 'unknown_key', kid };
  }
  return fields ? verifySignature(fields, keys) : { kind: 'malformed' };
}

/** Used by the server; here so that a test can sign with a key it made (pure text helper). */
export const encodeSigned = (canonicalJson: string): string => base64urlEncode(utf8Encode(canonicalJson));
