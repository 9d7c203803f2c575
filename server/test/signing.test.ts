// The receipt signer and the shared verifier together: the key set's keys (kept in the
// database, sealed; see keyset.test.ts for nodes, the KEK and legacy files), rotation, the round
// trip, and every way a receipt can be tampered with.
import { rmSync } from 'node:fs';
import { canonicalize } from '@hsc/shared/canonical';
import { fromQrText, toQrText, verifyDocument, verifySignature, verifyText, type SignatureFields } from '@hsc/shared/receipt-signing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rotateKeysCli } from '../src/cli/rotate-keys.ts';
import { localKek } from '../src/services/kek.ts';
import { KeySet } from '../src/services/keyset.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { fixedClock, TUESDAY_MORNING } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

const dirs: string[] = [];
const stores: KyselyStore[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const s of stores) await s.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The key set of a one-machine server on `d` (SQLite, KEK file), as the app opens it. */
async function keySet(d = dir()): Promise<KeySet> {
  const store = openSqliteStore(d);
  stores.push(store);
  await store.migrate();
  return KeySet.open(store.keys, { kek: localKek(d), now: fixedClock(TUESDAY_MORNING), refreshMs: 0 });
}

const receipt = {
  dossierId: '0b5c6f1e-6a4b-4f7e-9d52-8a1e3c2b7f10',
  code: 'H19.05716-260310-0007',
  lookupCode: 'K7QM',
  unitCode: '05716',
  procedureCode: '1.004873',
  status: 'registered',
  receivedAt: '2026-03-10T02:00:00.000Z',
  dueAt: '2026-03-13T10:00:00.000Z',
  documents: [
    { attachmentId: '7d7a1a54-33a4-4a4e-a0f5-0f2b8c1d9e11', slot: 'declaration', sha256: 'a'.repeat(64), size: 183_204 },
    { attachmentId: '1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', slot: 'idCard', sha256: 'b'.repeat(64), size: 95_112 },
  ],
};

const signedPayload = (f: SignatureFields) => JSON.parse(Buffer.from(f.signed, 'base64url').toString('utf8')) as Record<string, unknown>;
const reencode = (payload: unknown) => Buffer.from(canonicalize(payload)).toString('base64url');
/** One character of a string changed (a digit stays a digit, so the value still looks right). */
const alter = (s: string, at = s.length - 1) => s.slice(0, at) + (s[at] === '1' ? '2' : s[at] === 'a' ? 'b' : '1') + s.slice(at + 1);

describe('keys in the database', () => {
  test('made at first start, named by kid, and the same after a reload', async () => {
    const d = dir();
    const a = await keySet(d);
    const [key] = a.keys();
    expect(a.keys()).toHaveLength(1);
    expect(key).toMatchObject({ alg: 'Ed25519', kid: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(Buffer.from(key!.publicKey, 'base64url')).toHaveLength(32);
    expect(a.sign(receipt).kid).toBe(key!.kid);
    expect((await keySet(d)).keys()).toEqual(a.keys());
  });

  test('rotation: new receipts carry the new kid, old receipts still verify against the listed keys', async () => {
    const d = dir();
    const old = (await keySet(d)).sign(receipt);
    const newKid = await (await keySet(d)).rotate('receipt');
    const after = await keySet(d);
    expect(after.keys().map((k) => k.kid)).toEqual([newKid, old.kid]);
    const fresh = after.sign(receipt);
    expect(fresh.kid).toBe(newKid);
    expect(await verifySignature(old, after.keys())).toMatchObject({ kind: 'valid', kid: old.kid });
    expect(await verifySignature(fresh, after.keys())).toMatchObject({ kind: 'valid', kid: newKid });
  });

  test('the rotation command (pnpm keys:rotate) adds a current key and keeps the old one', async () => {
    const d = dir();
    const before = (await keySet(d)).keys();
    const lines: string[] = [];
    expect(await rotateKeysCli([], { DATA_DIR: d }, (l) => lines.push(l))).toBe(0);
    const after = (await keySet(d)).keys();
    expect(after).toHaveLength(2);
    expect(after[1]).toEqual(before[0]);
    expect(lines[0]).toContain(after[0]!.kid);
  });
});

describe('round trip and tampering', () => {
  let keys: ReturnType<KeySet['keys']>;
  let sig: SignatureFields;
  beforeAll(async () => {
    const signer = await keySet();
    keys = signer.keys();
    sig = signer.sign(receipt);
  });

  test('a signed receipt verifies and yields exactly what was signed', async () => {
    expect(await verifySignature(sig, keys)).toEqual({ kind: 'valid', kid: sig.kid, payload: receipt });
    expect(await verifyDocument({ ...receipt, ...sig }, keys)).toMatchObject({ kind: 'valid' });
  });

  test('one character changed in any field of the signed payload is forged', async () => {
    const payload = signedPayload(sig);
    const paths: [string, (p: typeof receipt) => void][] = [
      ...(['dossierId', 'code', 'lookupCode', 'unitCode', 'procedureCode', 'status', 'receivedAt', 'dueAt'] as const).map(
        (k) => [k, (p: typeof receipt) => void (p[k] = alter(p[k]))] as [string, (p: typeof receipt) => void],
      ),
      ['documents.0.sha256', (p) => void (p.documents[0]!.sha256 = alter(p.documents[0]!.sha256))],
      ['documents.1.attachmentId', (p) => void (p.documents[1]!.attachmentId = alter(p.documents[1]!.attachmentId))],
      ['documents.1.slot', (p) => void (p.documents[1]!.slot = alter(p.documents[1]!.slot))],
      ['documents.0.size', (p) => void (p.documents[0]!.size += 1)],
    ];
    for (const [path, change] of paths) {
      const p = structuredClone(payload) as typeof receipt;
      change(p);
      expect(await verifySignature({ ...sig, signed: reencode(p) }, keys), path).toEqual({ kind: 'forged', kid: sig.kid });
    }
  });

  test('every single byte of the signed bytes and of the signature matters', async () => {
    const bytes = Buffer.from(sig.signed, 'base64url');
    for (let i = 0; i < bytes.length; i += 7) {
      const b = Buffer.from(bytes);
      b[i] = b[i]! ^ 0x01;
      const v = await verifySignature({ ...sig, signed: b.toString('base64url') }, keys);
      // A flipped bit may break the JSON or the UTF-8 too: never valid.
      expect(v.kind, `byte ${i}`).not.toBe('valid');
    }
    const s = Buffer.from(sig.signature, 'base64url');
    s[10] = s[10]! ^ 0x80;
    expect(await verifySignature({ ...sig, signature: s.toString('base64url') }, keys)).toMatchObject({ kind: 'forged' });
  });

  test('the visible fields of a stored receipt must equal the signed ones', async () => {
    expect(await verifyDocument({ ...receipt, dueAt: '2026-03-20T10:00:00.000Z', ...sig }, keys)).toMatchObject({ kind: 'forged' });
  });

  test('wrong key: the kid is known but another key made the signature', async () => {
    const other = (await keySet()).sign(receipt);
    expect(await verifySignature({ ...other, kid: sig.kid }, keys)).toEqual({ kind: 'forged', kid: sig.kid });
  });

  test('unknown kid', async () => {
    const other = (await keySet()).sign(receipt);
    expect(await verifySignature(other, keys)).toEqual({ kind: 'unknown_key', kid: other.kid });
  });

  test('the QR text carries the signature intact; pasted text, cut or foreign, is malformed', async () => {
    const text = await toQrText(sig);
    expect(text).toMatch(/^HSC1\.[0-9A-F]{16}\.[A-Z2-7]+\.[A-Z2-7]+$/);
    expect(await fromQrText(text)).toEqual(sig);
    expect(await verifyText(`  ${text}\n`, keys)).toMatchObject({ kind: 'valid' });
    expect(await verifyText(JSON.stringify({ ...receipt, ...sig }), keys)).toMatchObject({ kind: 'valid' });
    const parts = text.split('.');
    const i = 40;
    parts[2] = parts[2]!.slice(0, i) + (parts[2]![i] === 'A' ? 'B' : 'A') + parts[2]!.slice(i + 1);
    // The frame is intact, the signed part is not: altered, whatever the changed character did.
    expect(await verifyText(parts.join('.'), keys)).toEqual({ kind: 'forged', kid: sig.kid });
    expect(await verifyText(text.slice(0, 50), keys)).toEqual({ kind: 'malformed' });
    expect(await verifyText(text.replace(sig.kid.toUpperCase(), '0123456789ABCDEF'), keys)).toEqual({ kind: 'unknown_key', kid: '0123456789abcdef' });
    expect(await verifyText('https://example.com', keys)).toEqual({ kind: 'malformed' });
  });
});
