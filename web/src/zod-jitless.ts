// Imported first by main.tsx, before any zod schema exists: zod compiles object parsers with
// `new Function` when it may, and finds out by trying, which the server's Content-Security-Policy
// (no 'unsafe-eval') reports as a violation on every load. The interpreted parsers are enough
// for a form's few fields.
import { config } from 'zod/v4/core';

config({ jitless: true });
