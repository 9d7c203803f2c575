// An app on a fresh data directory (SQLite unless a store is given), with the fixed clock.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { AppConfig } from '../../src/config.ts';
import { fixedClock, TUESDAY_MORNING } from './fixtures.ts';
import { tempDir } from './stores.ts';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export async function testApp(over: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = over.dataDir ?? tempDir();
  const app = await buildApp({ webRoot: null, now: fixedClock(TUESDAY_MORNING), ...over, dataDir });
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
