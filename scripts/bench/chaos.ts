// Chaos sync benchmark: `pnpm bench:chaos [--n 200] [--fault-rate 0.3] [--seed 1] [--delay-ms 200]
// [--time-scale 1] [--timeout-min 30]`. --time-scale < 1 shortens the tus uploader's real retry waits.
// Prints the figures and exits non-zero if the pass condition fails.
import { parseArgs } from 'node:util';
import { runChaos } from '../chaos/chaos.ts';
import { chaosLines } from '../chaos/report.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    'fault-rate': { type: 'string', default: '0.3' },
    seed: { type: 'string', default: '1' },
    'delay-ms': { type: 'string', default: '200' },
    'timeout-min': { type: 'string', default: '30' },
    'time-scale': { type: 'string', default: '1' },
  },
});

const options = {
  n: Number(values.n),
  faultRate: Number(values['fault-rate']),
  seed: Number(values.seed),
  delayMs: Number(values['delay-ms']),
  timeoutMs: Number(values['timeout-min']) * 60_000,
  timeScale: Number(values['time-scale']),
};
console.log(`chaos sync: N=${options.n}, fault rate ${options.faultRate}, seed ${options.seed}, delay ${options.delayMs} ms, time scale ${options.timeScale}`);
const result = await runChaos(options);
for (const line of chaosLines(result)) console.log(line);
if (result.dataDir) console.log(`server data kept in ${result.dataDir}`);
process.exit(result.problems.length ? 1 : 0);
