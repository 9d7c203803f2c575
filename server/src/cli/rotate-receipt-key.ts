// `pnpm exec tsx server/src/cli/rotate-receipt-key.ts`: makes a new receipt-signing key in
// DATA_DIR/keys and makes it current. Earlier keys stay listed at /api/receipts/keys, so every
// receipt already issued still verifies. Running servers pick the new key up at their next start.
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config.ts';
import { KeyringSigner, rotateReceiptKey } from '../services/signing.ts';

export function rotateCli(env: NodeJS.ProcessEnv, out: (line: string) => void): number {
  let dataDir: string;
  try {
    dataDir = loadConfig(env).dataDir;
  } catch (e) {
    if (e instanceof ConfigError) {
      out(e.message);
      return 2;
    }
    throw e;
  }
  KeyringSigner.load(dataDir); // the first key, if there was none, so the old one is never lost
  const kid = rotateReceiptKey(dataDir);
  out(`New receipt key ${kid} in ${dataDir}/keys; restart the server to sign with it.`);
  out(`Listed keys: ${KeyringSigner.load(dataDir).keys().map((k) => k.kid).join(', ')}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = rotateCli(process.env, (l) => console.log(l));
