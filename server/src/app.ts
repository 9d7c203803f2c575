// The whole server as one Fastify instance, built from a config: tests use it with inject(),
// main.ts listens with it. Order matters: docs before routes (so they are documented), the
// rate limiter before the route that uses it, the web app last.
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { filesDir } from './blobs/file-blob-store.ts';
import { openBlobStorage } from './blobs/index.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_TRACK_RATE_LIMIT, REPO_ROOT, type AppConfig } from './config.ts';
import { registerDocs } from './http/docs.ts';
import { installRequestMetrics, metricsRoute } from './http/metrics.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { installErrorHandlers, notFound } from './http/errors.ts';
import { loggerOptions } from './http/log.ts';
import { fastifyTrustProxy } from './http/proxy.ts';
import { sharedRateLimitStore } from './http/rate-limit-store.ts';
import { hasWebApp, registerWebApp, spaFallback } from './http/web.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { dossierRoutes } from './routes/dossiers.ts';
import { healthRoutes } from './routes/health.ts';
import { integrationRoutes } from './routes/integration.ts';
import { holidayRoutes } from './routes/holidays.ts';
import { lookupPageRoutes } from './routes/lookup-page.ts';
import { pushRoutes } from './routes/push.ts';
import { smsRoutes } from './routes/sms.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { staffArea } from './routes/staff-area.ts';
import { trackRoutes } from './routes/track.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { ActionService } from './services/actions.ts';
import { AdminService } from './services/admin.ts';
import { AttachmentService } from './services/attachments.ts';
import { CalendarService } from './services/calendar.ts';
import { CatalogService } from './services/catalog.ts';
import { CitizenService } from './services/citizen.ts';
import { DeskService } from './services/desk.ts';
import { HandoverService } from './services/handover.ts';
import { ReportService } from './services/reports.ts';
import { DEFAULT_RETENTION, PurgeService, schedulePurge } from './services/purge.ts';
import { IntegrationService, scheduleDeliveries } from './services/integration.ts';
import { Notifications } from './services/notify.ts';
import { PushService } from './services/push.ts';
import { SmsService } from './services/sms.ts';
import { seed } from './services/seed.ts';
import { resolveKek } from './services/kek.ts';
import { KeySet } from './services/keyset.ts';
import { Limits } from './services/limits.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, StaffService } from './services/staff.ts';
import { SubmissionService } from './services/submission.ts';
import { TrackingService } from './services/tracking.ts';
import { openJobs } from './jobs/index.ts';
import { openStore, type Store } from './store/index.ts';
import { KyselyStore } from './store/kysely-store.ts';
import { opsStore } from './store/ops.ts';
import { countSubmissions, countUploads, Metrics } from './services/metrics.ts';

export type { AppConfig, ServerConfig } from './config.ts';

// The one option config.ts cannot name (it imports no other room): a store built by the caller.
declare module './config.ts' {
  interface AppConfig {
    /** A store built by the caller (tests: PGlite, a PostgreSQL schema). The app closes it. */
    store?: Store;
  }
}
export { loadConfig } from './config.ts';
/** What a start with keys sealed under another KEK fails with (main.ts says so and exits). */
export { KeySetError } from './services/kek.ts';

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const now = config.now ?? (() => new Date());
  const uploadsDir = join(config.dataDir, 'uploads');
  // Only the server's user may enter the data directories (people's data lives there); chmod
  // again because mkdir's mode passes through the umask and leaves existing folders as they were.
  for (const dir of [config.dataDir, uploadsDir, filesDir(config.dataDir)]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }

  const store = config.store ?? openStore(config);
  const calendar = new CalendarService(store, now);
  const staff = new StaffService(store, now, config.loginLimits);
  // Until the logger exists, what the key set has to say waits here.
  const early: string[] = [];
  let keyLog: (m: string) => void = (m) => early.push(m);
  let keys: KeySet;
  try {
    await store.migrate();
    // Receipt-signing and VAPID keys: the database's, the same on every node (legacy key files
    // in DATA_DIR/keys are imported first, so receipts signed before stay verifiable).
    keys = await KeySet.open(store.keys, { kek: resolveKek(config, store.kind), now, refreshMs: config.keyRefreshMs, legacyDataDir: config.dataDir, log: (m) => keyLog(m) });
    await seed(store, now());
    await calendar.seed();
    if (config.demo) await staff.seedDemo();
    await staff.warmUp();
  } catch (e) {
    await store.close();
    throw e;
  }

  const app = Fastify({ logger: loggerOptions(config.logger), trustProxy: fastifyTrustProxy(config.trustProxy) });
  app.addHook('onClose', () => store.close());
  keyLog = (m) => app.log.warn(m);
  for (const m of early) app.log.info(m);
  app.decorate('keys', keys);
  keys.start();
  // Before the store closes, so no read of the key set is started on a closed pool.
  app.addHook('preClose', async () => keys.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installSecurityHeaders(app);
  const ops = opsStore(store);
  const metrics = new Metrics({ ops, now });
  installRequestMetrics(app, metrics);

  if (config.demo) {
    app.log.warn(`DEMO=1: demo staff accounts exist (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}; password ${DEMO_PASSWORD}). Never on a public server.`);
  }

  // Receipts and forms are signed with the key set's current key, the same on every node.
  const signer = keys;
  // Stored files and tus parts: in PostgreSQL with DATABASE_URL (stateless nodes), else under
  // DATA_DIR. `uploads/` on disk still takes the temporary copy of a result or template upload.
  const retention = config.retention ?? DEFAULT_RETENTION;
  const { blobs, uploads } = openBlobStorage(store, { dataDir: config.dataDir, uploadsDir, now, expireAfterMs: retention.uploadHours * 3_600_000, log: (e) => app.log.warn({ err: e }, 'upload lock renewal failed') });
  const attachments = new AttachmentService(store, blobs, now);
  const submissions = new SubmissionService(store, attachments, calendar, now, signer);
  countUploads(attachments, metrics);
  countSubmissions(submissions, metrics);
  const tracking = new TrackingService(store);
  const catalog = new CatalogService(store, blobs, uploadsDir, now);
  const citizen = new CitizenService(store, blobs, attachments, calendar, tracking, now, signer);
  const desk = new DeskService(store, blobs, calendar, now);
  const push = new PushService(store, () => keys.vapid(), now, { log: (m) => app.log.warn(m), ...config.push });
  app.decorate('push', push);
  if (!(store instanceof KyselyStore)) throw new Error('the app needs the Kysely store');
  const sms = new SmsService(store, store.sms, now, { log: (m) => app.log.warn(m), ...config.sms });
  // One place decides what a person hears of an officer's action and through which channels.
  const notifications = new Notifications([push, sms]);
  app.decorate('notifications', notifications);
  const actions = new ActionService(store, blobs, calendar, desk, uploadsDir, now, signer, (action, id) => notifications.inTransaction(action, id));
  const reports = new ReportService(store, now);
  const purge = new PurgeService(store.purge, blobs, uploads, now, retention);
  app.decorate('purge', purge);
  // The province's one-stop system: event feed, webhooks (a job runs deliverDue), export.
  const integration = new IntegrationService(store, now, { kek: resolveKek(config, store.kind), log: (m) => app.log.warn(m) });
  app.decorate('integration', integration);
  // Background work runs as jobs (src/jobs): pg-boss on PostgreSQL, our runner on SQLite. Every
  // node works every queue; a job is done by one of them.
  const jobs = await openJobs(store, config.jobs ?? {}, app.log);
  app.decorate('jobs', jobs);
  app.addHook('preClose', async () => jobs.stop(config.jobs?.graceMs));
  await notifications.useJobs(jobs);
  if (config.purgeEveryMs) await schedulePurge(jobs, purge, config.purgeEveryMs, app.log);
  if (config.webhookEveryMs) await scheduleDeliveries(jobs, integration, config.webhookEveryMs, app.log);

  await registerDocs(app);
  // Counted in the database, so the limits hold across every node (see http/rate-limit-store.ts).
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(new Limits(store.counters, now)) });
  await app.register(cookie);
  await app.register(healthRoutes, { storeKind: store.kind, ping: () => (ops ? ops.ping() : Promise.resolve()) });
  await app.register(metricsRoute, { metrics, token: config.metricsToken });
  await app.register(catalogRoutes, { catalog });
  await app.register(dossierRoutes, { submissions, tracking, citizen });
  await app.register(holidayRoutes, { calendar });
  await app.register(receiptRoutes, { signer });
  await app.register(pushRoutes, { push, tracking });
  await app.register(smsRoutes, { sms, tracking });
  const handovers = new HandoverService(store, calendar, desk, now);
  const admin = new AdminService(store, now);
  await app.register(staffArea, { staff, calendar, desk, actions, reports, submissions, catalog, sms, handovers, admin });
  await app.register(trackRoutes, { tracking, limit: config.trackRateLimit ?? DEFAULT_TRACK_RATE_LIMIT });
  await app.register(lookupPageRoutes, { tracking, limit: config.trackRateLimit ?? DEFAULT_TRACK_RATE_LIMIT });
  await app.register(uploadRoutes, { attachments, uploads, maxBytes: config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES });
  await app.register(integrationRoutes, { integration });

  const webRoot = config.webRoot === undefined ? join(REPO_ROOT, 'web/dist') : config.webRoot;
  if (hasWebApp(webRoot)) {
    await registerWebApp(app, webRoot);
    app.setNotFoundHandler(spaFallback(webRoot));
  } else {
    app.log.info(`no built web app at ${webRoot ?? '(disabled)'}: serving the API only`);
    app.setNotFoundHandler(notFound);
  }
  return app;
}
