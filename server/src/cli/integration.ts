// The province system's access, managed by an administrator on the server's machine, in the
// database the server uses (DATA_DIR / DATABASE_URL, KEY_ENCRYPTION_KEY):
//   pnpm integration:key -- --name <system>          a new API key, printed once
//   pnpm integration:key -- --revoke <id or name>
//   pnpm integration:key -- --list
//   pnpm integration:receiver -- --name <system> --url <https://…>   a webhook receiver; its secret printed once
//   pnpm integration:receiver -- --disable <id or name>
//   pnpm integration:receiver -- --list
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { configFrom, runCommand } from './ops.ts';
import { IntegrationService } from '../services/integration.ts';
import { resolveKek } from '../services/kek.ts';
import { openStore } from '../store/index.ts';

export interface IntegrationCliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = {
  key: `Usage: pnpm integration:key -- --name <system> | --revoke <id or name> | --list`,
  receiver: `Usage: pnpm integration:receiver -- --name <system> --url <https://…> | --disable <id or name> | --list`,
};

/** `what` is `key` or `receiver`; returns the process exit code. */
export async function integrationCli(what: string, argv: string[], env: NodeJS.ProcessEnv, io: IntegrationCliIo): Promise<number> {
  if (what !== 'key' && what !== 'receiver') {
    io.err(`${USAGE.key}\n${USAGE.receiver}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: { name: { type: 'string' }, url: { type: 'string' }, revoke: { type: 'string' }, disable: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE[what]}`);
    return 2;
  }
  const stop = what === 'key' ? values.revoke : values.disable;
  const create = !!values.name?.trim() && (what === 'key' || !!values.url);
  if (values.help || [create, !!stop, !!values.list].filter(Boolean).length !== 1) {
    (values.help ? io.out : io.err)(USAGE[what]);
    return values.help ? 0 : 2;
  }
  return runCommand(io, async () => {
    const config = configFrom(env);
    const store = config.store ?? openStore(config);
    try {
      await store.migrate();
      const service = new IntegrationService(store, () => new Date(), { kek: resolveKek(config, store.kind) });
      if (values.list) {
        if (what === 'key') for (const k of await store.integration.listKeys()) io.out(`${k.id}\t${k.name}\tcreated ${k.createdAt}${k.revokedAt ? `\trevoked ${k.revokedAt}` : ''}`);
        else {
          const backlog = new Map((await store.integration.backlog()).map((b) => [b.receiverId, b]));
          for (const r of await store.integration.listReceivers()) {
            const b = backlog.get(r.id);
            io.out(`${r.id}\t${r.name}\t${r.url}\tcreated ${r.createdAt}${r.disabledAt ? `\tdisabled ${r.disabledAt}` : ''}\t${b ? `${b.pending} waiting (up to ${b.maxAttempts} attempts)` : 'nothing waiting'}`);
          }
        }
        return 0;
      }
      if (stop) {
        const n = what === 'key' ? await service.revokeKey(stop) : await service.disableReceiver(stop);
        if (n === 0) {
          io.err(`No active ${what} with the id or name ${stop}.`);
          return 1;
        }
        io.out(what === 'key' ? `Revoked ${n} key(s) named or numbered ${stop}.` : `Disabled ${n} receiver(s) named or numbered ${stop}.`);
        return 0;
      }
      const name = values.name!.trim();
      if (what === 'key') {
        const k = await service.createKey(name);
        io.out(`API key for ${name} (id ${k.id}). It is shown this once; only its SHA-256 is kept:`);
        io.out(k.key);
        return 0;
      }
      const r = await service.addReceiver(name, values.url!);
      if (r === 'invalid_url') {
        io.err(`--url must be an http(s) URL.`);
        return 2;
      }
      io.out(`Webhook receiver ${name} (id ${r.id}) at ${r.url}. Its signing secret is shown this once:`);
      io.out(r.secret);
      return 0;
    } finally {
      await store.close();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  integrationCli(process.argv[2] ?? '', process.argv.slice(3), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
