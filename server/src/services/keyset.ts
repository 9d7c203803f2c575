// One key set for every API node: the receipt-signing key (Ed25519) and the VAPID key live in
// the database, their private halves sealed with AES-256-GCM under the key-encryption key (KEK)
// from KEY_ENCRYPTION_KEY (or, on the one-machine SQLite default without it, a KEK file made
// once in DATA_DIR/keys). Retired receipt keys stay listed so receipts signed years ago verify.
//
// Nodes keep the current key in memory and read the database again every `refreshMs` (30 s by
// default), not at each signing: a receipt is signed synchronously inside the transaction that
// numbers it, where no other query can run (SQLite has one connection), and any listed key
// verifies, so a node that signs with the previous key for a few seconds after a rotation still
// issues receipts every node and every phone accepts. A rotation is in force everywhere within
// `refreshMs`; the node that rotates uses the new key at once.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64urlDecode, base64urlEncode } from '@hsc/shared/canonical';
import { encodeSigned, signingPayload, SIGNATURE_ALG, type PublicKeyEntry, type SignatureFields } from '@hsc/shared/receipt-signing';
import webpush from 'web-push';
import type { KeyPurpose, KeyRecord, KeyStore } from '../store/kysely-keys.ts';
import { kekIdOf, KeySetError, seal, unseal } from './kek.ts';
import { keysDir, kidOf, rawPublicKey, type ReceiptSigner } from './signing.ts';

export const DEFAULT_KEY_REFRESH_MS = 30_000;

// ---- Key pairs ----

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

function receiptRecord(kek: Buffer | null, privateKey: KeyObject | null, publicKey: KeyObject, at: string, source: KeyRecord['source']): KeyRecord {
  const raw = rawPublicKey(publicKey);
  const kid = kidOf(raw);
  return {
    purpose: 'receipt',
    kid,
    publicKey: base64urlEncode(raw),
    sealedPrivateKey: kek && privateKey ? seal(kek, 'receipt', kid, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()) : null,
    kekId: kek && privateKey ? kekIdOf(kek) : null,
    createdAt: at,
    source,
  };
}

function vapidRecord(kek: Buffer, keys: VapidKeys, at: string, source: KeyRecord['source']): KeyRecord {
  const kid = kidOf(base64urlDecode(keys.publicKey));
  return { purpose: 'vapid', kid, publicKey: keys.publicKey, sealedPrivateKey: seal(kek, 'vapid', kid, keys.privateKey), kekId: kekIdOf(kek), createdAt: at, source };
}

function newKey(kek: Buffer, purpose: KeyPurpose, at: string): KeyRecord {
  if (purpose === 'vapid') return vapidRecord(kek, webpush.generateVAPIDKeys(), at, 'generated');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return receiptRecord(kek, privateKey, publicKey, at, 'generated');
}

// ---- Legacy key files (DATA_DIR/keys before the key set moved to the database) ----

/**
 * Imports DATA_DIR/keys: every receipt-<kid>.pub (so receipts it signed stay verifiable), the
 * current key's private half, and vapid.json (so existing push subscriptions keep working).
 * A file's key becomes current only where the database has none yet (the first node to import
 * wins; the others' keys are still listed). Safe on every start; returns how many keys were new.
 */
export async function importLegacyKeys(store: KeyStore, kek: Buffer, dataDir: string, at: string, log?: (m: string) => void): Promise<number> {
  const dir = keysDir(dataDir);
  if (!existsSync(dir)) return 0;
  let imported = 0;
  const pointer = join(dir, 'receipt-current');
  if (existsSync(pointer) && !(await store.current('receipt'))) {
    const kid = readFileSync(pointer, 'utf8').trim();
    const pem = join(dir, `receipt-${kid}.pem`);
    if (existsSync(pem)) {
      const privateKey = createPrivateKey(readFileSync(pem));
      const record = receiptRecord(kek, privateKey, createPublicKey(privateKey), at, 'imported');
      if (record.kid !== kid) log?.(`${pem} does not hold the key its name says: not imported`);
      else if ((await store.adoptIfNone(record, at)) === kid) imported++;
    }
  }
  for (const name of readdirSync(dir).sort()) {
    const m = /^receipt-([0-9a-f]{16})\.pub$/.exec(name);
    if (!m?.[1]) continue;
    const pub = readFileSync(join(dir, name), 'utf8').trim();
    const raw = base64urlDecode(pub);
    // A .pub file whose bytes do not hash to its name is ignored rather than trusted.
    if (raw.length !== 32 || kidOf(raw) !== m[1]) {
      log?.(`${join(dir, name)} does not hold the key its name says: not imported`);
      continue;
    }
    if (await store.add({ purpose: 'receipt', kid: m[1], publicKey: pub, sealedPrivateKey: null, kekId: null, createdAt: at, source: 'imported' })) imported++;
  }
  const vapidFile = join(dir, 'vapid.json');
  if (existsSync(vapidFile) && !(await store.current('vapid'))) {
    const keys = JSON.parse(readFileSync(vapidFile, 'utf8')) as Partial<VapidKeys>;
    if (typeof keys.publicKey === 'string' && typeof keys.privateKey === 'string') {
      const record = vapidRecord(kek, { publicKey: keys.publicKey, privateKey: keys.privateKey }, at, 'imported');
      if ((await store.adoptIfNone(record, at)) === record.kid) imported++;
    }
  }
  return imported;
}

// ---- The key set a node signs and pushes with ----

export interface KeySetOptions {
  kek: Buffer;
  now: () => Date;
  /** How often the current keys are read again. Default 30 s. */
  refreshMs?: number;
  /** A data directory whose legacy key files are imported on open. */
  legacyDataDir?: string;
  log?: (msg: string) => void;
}

interface Current {
  kid: string;
  privateKey: KeyObject;
}

export class KeySet implements ReceiptSigner {
  private receipt!: Current;
  private listed: PublicKeyEntry[] = [];
  private vapidKeys!: VapidKeys & { kid: string };
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  readonly refreshMs: number;

  private constructor(
    private readonly store: KeyStore,
    private readonly opts: KeySetOptions,
  ) {
    this.refreshMs = opts.refreshMs ?? DEFAULT_KEY_REFRESH_MS;
  }

  /** Imports legacy files, makes the first keys if the database has none, reads them. */
  static async open(store: KeyStore, opts: KeySetOptions): Promise<KeySet> {
    const set = new KeySet(store, opts);
    const at = opts.now().toISOString();
    if (opts.legacyDataDir) {
      const n = await importLegacyKeys(store, opts.kek, opts.legacyDataDir, at, opts.log);
      if (n > 0) opts.log?.(`key files of ${keysDir(opts.legacyDataDir)} are in the database (${n} keys); the database now holds the key set`);
    }
    for (const purpose of ['receipt', 'vapid'] as const) {
      if (!(await store.current(purpose))) await store.adoptIfNone(newKey(opts.kek, purpose, at), at);
    }
    await set.refresh();
    return set;
  }

  /** Reads the current keys and the listed ones again (one read at a time). */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const [receipt, vapid, listed] = await Promise.all([this.store.current('receipt'), this.store.current('vapid'), this.store.list('receipt')]);
    if (!receipt || !vapid) throw new KeySetError('the database has no current receipt or VAPID key');
    if (this.receipt?.kid !== receipt.kid) {
      const privateKey = createPrivateKey(unseal(this.opts.kek, receipt));
      // The sealed key must be the one its row names (the AAD binds the name; this binds the bytes).
      if (kidOf(rawPublicKey(createPublicKey(privateKey))) !== receipt.kid) throw new KeySetError(`receipt key ${receipt.kid}: the private key does not match its kid`);
      this.receipt = { kid: receipt.kid, privateKey };
    }
    if (this.vapidKeys?.kid !== vapid.kid) this.vapidKeys = { kid: vapid.kid, publicKey: vapid.publicKey, privateKey: unseal(this.opts.kek, vapid) };
    this.listed = listed.map((k) => ({ kid: k.kid, alg: SIGNATURE_ALG, publicKey: k.publicKey }));
  }

  /** Reads the database every `refreshMs` until `stop()`; a failed read keeps the keys held. */
  start(): void {
    if (this.timer || this.refreshMs <= 0) return;
    this.timer = setInterval(() => {
      this.refresh().catch((e: unknown) => this.opts.log?.(`reading the key set failed: ${String(e)}`));
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Makes a new current key for every node; returns its kid. This node uses it at once. */
  async rotate(purpose: KeyPurpose): Promise<string> {
    const at = this.opts.now().toISOString();
    const record = newKey(this.opts.kek, purpose, at);
    await this.store.rotate(record, at);
    await this.refresh();
    return record.kid;
  }

  get currentKid(): string {
    return this.receipt.kid;
  }

  sign(doc: object): SignatureFields {
    const signed = encodeSigned(signingPayload(doc));
    const signature = sign(null, base64urlDecode(signed), this.receipt.privateKey);
    return { signed, signature: base64urlEncode(new Uint8Array(signature)), kid: this.receipt.kid };
  }

  keys(): PublicKeyEntry[] {
    return this.listed.map((k) => ({ ...k }));
  }

  /** The VAPID pair push messages are sent with (the same on every node). */
  vapid(): VapidKeys {
    return { publicKey: this.vapidKeys.publicKey, privateKey: this.vapidKeys.privateKey };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The key set this node signs and pushes with (tests refresh or rotate it). */
    keys: KeySet;
  }
}
