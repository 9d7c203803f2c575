import { defineConfig } from 'vitest/config';

// Browser tests drive the built PWA in Debian's Chromium, served by the real server.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'lib/**/*.test.ts', 'catalog/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
