import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { languageNames } from './language-names.ts';

export default defineConfig({
  plugins: [react(), languageNames()],
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
