// The import boundaries (.dependency-cruiser.cjs) hold on the real tree, and the check fails
// when they are crossed: a small tree laid out like the repository, with one forbidden import of
// each kind, is reported rule by rule. Without the second half a config that matched nothing
// (a path typo) would pass the first forever.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };

async function check(baseDir: string, dirs: string[]) {
  const out: IReporterOutput = await cruise(dirs, { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof out.output === 'string') throw new Error('expected a cruise result, got a report');
  return out.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('import boundaries', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'hsc-boundaries-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it('the repository has no violation', async () => {
    expect(await check(root, ['shared', 'server', 'web', 'scripts'])).toEqual([]);
  }, 120_000);

  it('a forbidden import of each kind is reported with its rule', async () => {
    // A route touching the store, a service importing the HTTP layer, a good route for contrast.
    file('server/src/store/store.ts', 'export interface Store { ping(): Promise<void> }\n');
    file('server/src/http/texts.ts', "export const hello = 'xin chào';\n");
    file('server/src/services/greet.ts', "import { hello } from '../http/texts.ts';\nexport const greet = () => hello;\n");
    file('server/src/routes/bad.ts', "import type { Store } from '../store/store.ts';\nexport const ping = (s: Store) => s.ping();\n");
    file('server/src/routes/good.ts', "import { greet } from '../services/greet.ts';\nexport const answer = () => greet();\n");
    // shared/ doing I/O.
    file('shared/src/read.ts', "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n");
    // ui/ and trust/ importing each other: trust/ may not import ui/, and the two make a cycle.
    file('web/src/ui/receipt.ts', "import { mark } from '../trust/mark.ts';\nexport const receipt = () => mark();\nexport const title = 'Biên nhận';\n");
    file('web/src/trust/mark.ts', "import { title } from '../ui/receipt.ts';\nexport const mark = () => title;\n");

    const found = await check(fixture, ['server', 'shared', 'web']);
    const rules = (from: string) => found.filter((v) => v.from === from).map((v) => v.rule);
    expect(rules('server/src/routes/bad.ts')).toContain('server-routes');
    expect(rules('server/src/services/greet.ts')).toContain('server-services');
    expect(rules('server/src/routes/good.ts')).toEqual([]);
    expect(rules('shared/src/read.ts')).toContain('shared-no-node-io');
    expect(rules('web/src/trust/mark.ts')).toContain('web-trust');
    expect(rules('web/src/ui/receipt.ts')).toContain('web-ui-lazy-rooms');
    // A cycle is reported once, from whichever of its modules comes first.
    expect(found.filter((v) => v.rule === 'no-circular-between-rooms').map((v) => v.from)).toEqual([expect.stringMatching(/^web\/src\/(ui|trust)\//)]);
  }, 60_000);
});
