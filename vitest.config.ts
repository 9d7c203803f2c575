import { defineConfig } from 'vitest/config';

// One runner for the whole workspace; each package keeps its own config for its environment.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'web', 'scripts'],
  },
});
