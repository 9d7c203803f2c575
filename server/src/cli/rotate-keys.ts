// `pnpm keys:rotate [-- --vapid]`: makes a new current receipt-signing key (and, with --vapid, a
// new VAPID key) in the database the server uses, read from the same environment as
// `pnpm start` (DATABASE_URL, KEY_ENCRYPTION_KEY, DATA_DIR). Earlier receipt keys stay listed at
// /api/receipts/keys, so every receipt already issued still verifies. Running nodes sign with
// the new key within their key refresh (30 s); no restart.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { KeySetError, resolveKek } from '../services/kek.ts';
import { DEFAULT_KEY_REFRESH_MS, KeySet } from '../services/keyset.ts';
import { openStore } from '../store/index.ts';

const USAGE = `Usage: pnpm keys:rotate [-- --vapid]
Makes a new receipt-signing key current for every node (old receipts stay verifiable).
--vapid also replaces the Web Push (VAPID) key: phones subscribed with the old one hear nothing
until they subscribe again, so do it only if that key leaked.`;

/** Returns the process exit code. */
export async function rotateKeysCli(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv.filter((a) => a !== '--'), options: { vapid: { type: 'boolean', default: false }, help: { type: 'boolean' } } }));
  } catch (e) {
    out(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      out(e.message);
      return 2;
    }
    throw e;
  }
  const store = openStore(config);
  try {
    await store.migrate();
    // Opening the key set as a server start would (importing legacy files, making the first key
    // if there is none) means the key in use before the rotation is never lost.
    const keys = await KeySet.open(store.keys, { kek: resolveKek(config, store.kind), now: () => new Date(), refreshMs: 0, legacyDataDir: config.dataDir, log: out });
    const kid = await keys.rotate('receipt');
    out(`New receipt key ${kid} is current for every node (each picks it up within ${DEFAULT_KEY_REFRESH_MS / 1000} s).`);
    out(`Listed keys: ${keys.keys().map((k) => k.kid).join(', ')}`);
    if (values.vapid) out(`New VAPID key ${await keys.rotate('vapid')}: phones must subscribe to notifications again.`);
    return 0;
  } catch (e) {
    if (e instanceof KeySetError) {
      out(e.message);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  rotateKeysCli(process.argv.slice(2), process.env, (l) => console.log(l)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
