// Short job timings for tests (no test waits long): pushes retried from 100 ms on, a job taken
// by a node that died handed on after 1 s (pg-boss counts whole seconds), quick polling.
import type { AppConfig } from '../../src/config.ts';

export const JOB_TEST_TIMINGS = {
  push: { endpointAllowed: (u: URL) => u.hostname === '127.0.0.1', retry: { retryLimit: 4, retryDelayMs: 100, backoff: true, expireMs: 1000 } },
  jobs: { pollMs: 500, maintenanceMs: 1000, graceMs: 200 },
} satisfies Partial<AppConfig>;
