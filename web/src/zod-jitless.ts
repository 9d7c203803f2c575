// What `zod` means in the web build (vite.config.ts aliases it here): zod with jitless set
// before any of our schemas exists. zod compiles object parsers with `new Function` when it
// may, and finds out by trying, which the server's Content-Security-Policy (no 'unsafe-eval')
// reports as a violation. The interpreted parsers are enough for a form's few fields. Done here
// rather than in main.tsx so zod loads with the first chunk that uses it, not with the first screen.
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z, default } from 'zod/v4';
