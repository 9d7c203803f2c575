// Starts the server. In production compiled to server/dist/main.js (server/build.mjs) and run by
// `pnpm start` with plain node; `pnpm dev` in server/ and the e2e harness run this file with tsx.
// Reads PORT, HOST, DATA_DIR, DATABASE_URL (and WEB_ROOT, TRUST_PROXY, KEY_ENCRYPTION_KEY,
// TRACK_RATE_LIMIT, LOG_LEVEL, DEMO) once; closes cleanly on SIGTERM/SIGINT so in-flight
// requests finish.
import { buildApp, KeySetError } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  let app;
  try {
    app = await buildApp(config);
  } catch (e) {
    // A key set this node cannot open (another KEY_ENCRYPTION_KEY): what to do, not a stack.
    if (e instanceof KeySetError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // Background work (pushes, the purge, webhooks) runs as jobs the app started (src/jobs); a
  // close lets running jobs finish for a few seconds.
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app
      .close()
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'close failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
