// Crash benchmark: `pnpm bench:crash [--n 50] [--kills 8] [--seed 1] [--time-scale 1] [--postgres URL]`.
// SIGKILLs the server in the middle of uploads and submissions and restarts it on the same data;
// prints the figures and exits non-zero if anything was lost, duplicated or shown half-written.
// --postgres postgres://postgres@127.0.0.1:5432/test runs it on PostgreSQL (a fresh schema).
import { parseArgs } from 'node:util';
import { runCrash } from '../chaos/crash.ts';
import { crashLines } from '../chaos/report.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    kills: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    'time-scale': { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '30' },
    postgres: { type: 'string' },
  },
});

const options = {
  n: Number(values.n),
  kills: Number(values.kills),
  seed: Number(values.seed),
  timeScale: Number(values['time-scale']),
  timeoutMs: Number(values['timeout-min']) * 60_000,
  ...(values.postgres ? { postgres: values.postgres } : {}),
};
console.log(`crash: N=${options.n}, ${options.kills} SIGKILLs, seed ${options.seed}, time scale ${options.timeScale}${options.postgres ? ', PostgreSQL' : ', SQLite'}`);
const result = await runCrash(options);
for (const line of crashLines(result)) console.log(line);
if (result.dataDir) console.log(`server data and log kept in ${result.dataDir}`);
process.exit(result.problems.length ? 1 : 0);
