// `pnpm admin:create -- --username X --name "..." [--role admin] [--unit 05716]`: creates a staff
// account (the first admin, typically) in the database the server uses (DATA_DIR /
// DATABASE_URL). The password comes from HSC_PASSWORD or is typed (not echoed).
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CreateStaffRequest, StaffRole } from '@hsc/shared';
import { configFrom, runCommand } from './ops.ts';
import { CalendarService } from '../services/calendar.ts';
import { seed } from '../services/seed.ts';
import { StaffService } from '../services/staff.ts';
import { openStore } from '../store/index.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks for the password when HSC_PASSWORD is not set. */
  password(): Promise<string>;
}

const USAGE = `Usage: pnpm admin:create -- --username <name> --name "<display name>" [--role admin|province|leader|officer] [--unit <5-digit unit code>] [--specialist]
--specialist: an officer the desk hands dossiers to (chuyên viên).
The password is read from HSC_PASSWORD, or typed.`;

/** Returns the process exit code. */
export async function createStaffCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let values;
  try {
    // pnpm passes the `--` separator through; it is not an argument.
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, unit: { type: 'string' }, specialist: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.username || !values.name) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const role = StaffRole.safeParse(values.role);
  if (!role.success) {
    io.err(`--role must be one of ${StaffRole.options.join(', ')}`);
    return 2;
  }
  return runCommand(io, async () => {
    const config = configFrom(env);
    const password = env.HSC_PASSWORD || (await io.password());
    const request = CreateStaffRequest.safeParse({
      username: values.username,
      displayName: values.name,
      role: role.data,
      unitCode: values.unit ?? null,
      password,
      ...(values.specialist ? { specialist: true } : {}),
    });
    if (!request.success) {
      for (const i of request.error.issues) io.err(`${i.path.join('.') || 'input'}: ${i.message}`);
      return 2;
    }

    const store = openStore(config);
    try {
      await store.migrate();
      await seed(store, new Date());
      await new CalendarService(store, () => new Date()).seed();
      const outcome = await new StaffService(store, () => new Date()).create(request.data, { staffId: null });
      if (outcome.kind === 'username_taken') {
        io.err(`The username ${values.username} is taken.`);
        return 1;
      }
      if (outcome.kind === 'unknown_unit') {
        io.err(`No unit with the code ${values.unit}.`);
        return 1;
      }
      const a = outcome.account;
      io.out(`Created ${a.specialist ? 'specialist ' : ''}${a.role} ${a.username} (${a.displayName})${a.unitCode ? ` of unit ${a.unitCode}` : ''}.`);
      return 0;
    } finally {
      await store.close();
    }
  });
}

/** Reads a line from the terminal without echoing it; from a pipe, reads the first line. */
function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return new Promise((resolve) => {
      const rl = createInterface({ input: stdin });
      rl.once('line', (line) => {
        resolve(line); // first: close() below fires 'close', whose resolve('') must lose
        rl.close();
      });
      rl.once('close', () => resolve(''));
    });
  }
  return new Promise((resolve) => {
    process.stdout.write('Password: ');
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130); // Ctrl-C
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createStaffCli(process.argv.slice(2), process.env, {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    password: readPassword,
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
