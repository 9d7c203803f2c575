// The receipt signer: an Ed25519 key pair made at first start and kept in DATA_DIR/keys (0600),
// named by its kid so keys can be rotated. Retired keys stay listed (their public half at
// least), so receipts signed years ago still verify. Signing is synchronous on purpose: it runs
// inside the store's transaction callbacks that build the receipt text.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSigned, signingPayload, SIGNATURE_ALG, type PublicKeyEntry, type SignatureFields } from '@hsc/shared/receipt-signing';
import { base64urlDecode, base64urlEncode } from '@hsc/shared/canonical';

export interface ReceiptSigner {
  /** The signature members for `doc` (its members other than signed/signature/kid are signed). */
  sign(doc: object): SignatureFields;
  /** Every key a receipt of this server may carry, the current one first. */
  keys(): PublicKeyEntry[];
}

export const keysDir = (dataDir: string) => join(dataDir, 'keys');
const CURRENT = 'receipt-current';
const privateFile = (kid: string) => `receipt-${kid}.pem`;
const publicFile = (kid: string) => `receipt-${kid}.pub`;

/** The 32 raw bytes of an Ed25519 public key (the SPKI DER ends with them). */
export const rawPublicKey = (key: KeyObject): Uint8Array => new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(-32));
export const kidOf = (raw: Uint8Array): string => createHash('sha256').update(raw).digest('hex').slice(0, 16);

function writeSecret(path: string, text: string) {
  // 'wx': never overwrite a key; the mode is set again in case a umask widened it.
  writeFileSync(path, text, { flag: 'wx', mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Makes a key pair, stores both halves, returns its kid. Does not make it current. */
function newKey(dir: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const kid = kidOf(raw);
  writeSecret(join(dir, privateFile(kid)), privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  writeFileSync(join(dir, publicFile(kid)), base64urlEncode(raw) + '\n', { flag: 'wx', mode: 0o600 });
  return kid;
}

function ensureDir(dataDir: string): string {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Makes a new current key; the old one stays listed and keeps verifying old receipts. The
 * pointer is replaced by rename, so a process reading it sees the old kid or the new one.
 */
export function rotateReceiptKey(dataDir: string): string {
  const dir = ensureDir(dataDir);
  const kid = newKey(dir);
  const tmp = join(dir, `${CURRENT}.${process.pid}.tmp`);
  writeFileSync(tmp, kid + '\n', { mode: 0o600 });
  renameSync(tmp, join(dir, CURRENT));
  return kid;
}

function currentKid(dir: string): string {
  const pointer = join(dir, CURRENT);
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  const kid = newKey(dir);
  try {
    // Two processes starting on one data directory: the first pointer written wins.
    writeFileSync(pointer, kid + '\n', { flag: 'wx', mode: 0o600 });
    return kid;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    rmSync(join(dir, privateFile(kid)));
    rmSync(join(dir, publicFile(kid)));
    return readFileSync(pointer, 'utf8').trim();
  }
}

export class KeyringSigner implements ReceiptSigner {
  private constructor(
    private readonly kid: string,
    private readonly privateKey: KeyObject,
    private readonly listed: PublicKeyEntry[],
  ) {}

  /** Loads the keys of `dataDir`, making the first pair if there is none. */
  static load(dataDir: string): KeyringSigner {
    const dir = ensureDir(dataDir);
    const kid = currentKid(dir);
    const privateKey = createPrivateKey(readFileSync(join(dir, privateFile(kid))));
    const raw = rawPublicKey(createPublicKey(privateKey));
    if (kidOf(raw) !== kid) throw new Error(`receipt key ${kid} in ${dir} does not match its name`);
    const listed: PublicKeyEntry[] = [];
    for (const name of readdirSync(dir).sort()) {
      const m = /^receipt-([0-9a-f]{16})\.pub$/.exec(name);
      if (!m?.[1]) continue;
      const pub = readFileSync(join(dir, name), 'utf8').trim();
      // A .pub file whose bytes do not hash to its name is ignored rather than trusted.
      if (kidOf(base64urlDecode(pub)) === m[1]) listed.push({ kid: m[1], alg: SIGNATURE_ALG, publicKey: pub });
    }
    listed.sort((a, b) => (a.kid === kid ? -1 : b.kid === kid ? 1 : 0));
    return new KeyringSigner(kid, privateKey, listed);
  }

  sign(doc: object): SignatureFields {
    const signed = encodeSigned(signingPayload(doc));
    const signature = sign(null, base64urlDecode(signed), this.privateKey);
    return { signed, signature: base64urlEncode(new Uint8Array(signature)), kid: this.kid };
  }

  keys(): PublicKeyEntry[] {
    return this.listed.map((k) => ({ ...k }));
  }
}

/** `doc` with its signature members, or as it is when no signer is wired (unit tests of others). */
export const withSignature = <T extends object>(doc: T, signer: ReceiptSigner | undefined): T => (signer ? { ...doc, ...signer.sign(doc) } : doc);
