// The environment is read once, here, at start-up and validated with zod; everything else
// receives a typed config. A bad value stops the start with a message naming the variable.
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_RETENTION } from '@hsc/shared/retention';
import { z } from 'zod';

/** The repository root (server/src/config.ts → ../..), so defaults do not depend on the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// The shapes of the options the config carries, and the format of KEY_ENCRYPTION_KEY. They live
// here, not in the rooms that use them: config.ts is the bottom of the server (it imports no other
// room), so everything may read its own options from it. (`store`, a store built by the caller, is
// added to AppConfig by app.ts.)

/** The logger setting of `AppConfig`: off, a level, or (tests) a level and a stream to capture. */
export type LogOption = boolean | { level: string; stream?: NodeJS.WritableStream };

export interface JobsConfig {
  /** How often an idle worker looks for due jobs (ms). Default 500 on SQLite, 2000 with pg-boss. */
  pollMs?: number;
  /** pg-boss maintenance, which hands on the jobs of a node that died (ms, whole seconds). Default 30 s. */
  maintenanceMs?: number;
  /** false: this node sends jobs (and the periodic ones) but does none of them. Default true. */
  work?: boolean;
}

export interface QueueOptions {
  /** Tries after the first one, for an error or a job that outlived `expireMs` (a node that died). */
  retryLimit: number;
  /** The wait before the first retry; doubled at each further one when `backoff`. */
  retryDelayMs: number;
  backoff: boolean;
  /** A job taken longer ago than this without an answer is given to another worker. */
  expireMs: number;
}

export interface RetentionConfig {
  /** Unfinished upload parts and pages of dossiers never sent: removed after this long. */
  uploadHours: number;
  /** Dossiers withdrawn before acceptance: removed this many days after the withdrawal. */
  withdrawnDays: number;
  /** How long the commune keeps an accepted dossier (its legal record); never purged here. */
  recordYears: number;
}

export const DEFAULT_RETENTION: RetentionConfig = { ...SERVER_RETENTION };

export interface LoginLimits {
  perUser: number;
  perIp: number;
  windowMs: number;
}

export interface PushOptions {
  /** VAPID `sub`: a mailto: or https: contact for the push services. */
  subject?: string;
  /** Which endpoints may be registered. Default: HTTPS on the browsers' push services. */
  endpointAllowed?: (url: URL) => boolean;
  log?: (msg: string) => void;
  /** How a delivery is retried (429, 5xx, no answer). Default: 8 retries from 30 s, doubling. */
  retry?: Partial<QueueOptions>;
}

/** The gateway's HTTP API: where and how a message is POSTed. */
export interface SmsGatewayConfig {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as `Authorization: Basic` (when there is no token). */
  user?: string;
  password?: string;
  /** The request body with {{to}} and {{text}}; default `{"to":"{{to}}","text":"{{text}}"}`. */
  body?: string;
  /** Default application/json: the values are JSON-escaped; form-urlencoded: URL-encoded; else as they are. */
  contentType?: string;
  /** A gateway silent this long is asked again later. Default 15 s. */
  timeoutMs?: number;
}

export interface SmsOptions {
  /** No gateway: no SMS (the opt-in routes answer that it is not offered). */
  gateway?: SmsGatewayConfig;
  /** How a message is retried. Default: 6 retries from 60 s, doubling (about an hour). */
  retry?: Partial<QueueOptions>;
  log?: (msg: string) => void;
}

/** 32 bytes from base64 (standard or URL-safe, padding optional); undefined when it is not that. */
export function parseKek(text: string): Buffer | undefined {
  const s = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) return undefined;
  const bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export interface RateLimit {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

/** What `buildApp` needs. Only `dataDir` is required; tests and e2e pass what they change. */
export interface AppConfig {
  /** Holds `hosocong.sqlite`, `uploads/` (tus parts) and `files/` (stored attachments). */
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; without it the SQLite file in `dataDir` is used. */
  databaseUrl?: string;
  /** DATABASE_POOL_SIZE: PostgreSQL connections this process may hold (queries and the job runner). Default 10. */
  databasePoolSize?: number;
  /** The built PWA. `null` serves the API only. Default `<repo>/web/dist`. */
  webRoot?: string | null;
  /** Guessing limit on `GET /api/track/:code`, per client IP. Default 10 per minute. */
  trackRateLimit?: RateLimit;
  /** Largest accepted attachment. Default 20 MB. */
  maxUploadBytes?: number;
  /**
   * Which X-Forwarded-For hops to believe (client IP for the rate limits, X-Forwarded-Proto for
   * the Secure cookie): a number of proxies in front, or the proxies' addresses/CIDRs. Unset:
   * none (the socket's address is the client).
   */
  trustProxy?: TrustProxy;
  /** Fastify logger; off unless asked (tests stay quiet; a test may pass a stream to read it). */
  logger?: LogOption;
  /** The clock; tests pin it. Receipts carry the instant this returns. */
  now?: () => Date;
  /** DEMO=1: seed the demo staff accounts (see server/README.md). */
  demo?: boolean;
  /** Trust issue: Web Push (VAPID subject, which endpoints may be registered; tests allow 127.0.0.1). */
  push?: PushOptions;
  /** SMS for people without a smartphone: the gateway (none: no SMS), the retries. */
  sms?: SmsOptions;
  /** How long people's data is kept (the privacy notice says the same). Default `DEFAULT_RETENTION`. */
  retention?: RetentionConfig;
  /** One purge job per this period (ms) across every node, the first at start; off unless given (tests run it themselves). */
  purgeEveryMs?: number;
  /** Webhook rounds (`deliverDue`): one job per this period (ms) across every node; off unless given (tests call deliverDue). */
  webhookEveryMs?: number;
  /** The job runner (src/jobs): how often idle workers poll, pg-boss's maintenance, and how long a close waits for running jobs (ms). */
  jobs?: JobsConfig & { graceMs?: number };
  /** Failed logins allowed per username and per IP in a window. Default 5 and 20 in 15 min. */
  loginLimits?: LoginLimits;
  /**
   * KEY_ENCRYPTION_KEY (32 bytes): seals the private keys kept in the database. Required with
   * PostgreSQL; on SQLite without it, a KEK file is made once in `dataDir/keys`.
   */
  keyEncryptionKey?: Buffer;
  /** How often a node reads the current keys again (ms). Default 30 s. */
  keyRefreshMs?: number;
  /** METRICS_TOKEN: a bearer token that opens /metrics from anywhere (else loopback only). */
  metricsToken?: string;
}

/** What `main.ts` needs on top: where to listen. */
export interface ServerConfig extends AppConfig {
  port: number;
  host: string;
}

/** `TRUST_PROXY`: that many proxies (hops) in front of the server, or the proxies' addresses. */
export type TrustProxy = number | readonly string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or one of proxy-addr's names. */
function isProxyEntry(s: string): boolean {
  if (PROXY_NAMES.has(s)) return true;
  const [addr = '', bits, ...rest] = s.split('/');
  const v = isIP(addr);
  if (v === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128);
}

/**
 * `1` means one proxy hop (before, it meant `true`); `true` is refused because it believed any
 * X-Forwarded-For, so a client could choose its own address and escape every per-IP limit.
 */
const TrustProxyEnv = z.string().transform((v, ctx): TrustProxy | undefined => {
  if (v === 'false' || v === '0') return undefined;
  if (v === 'true') {
    ctx.addIssue({ code: 'custom', message: 'true (trust any X-Forwarded-For) is no longer accepted: write the number of proxies in front of the server (1 behind one reverse proxy) or their addresses, e.g. 10.0.0.5,10.1.0.0/16' });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops >= 1 && hops <= 100) return hops;
  }
  const list = v.split(',').map((s) => s.trim());
  if (list.every(isProxyEntry)) return list;
  ctx.addIssue({ code: 'custom', message: 'must be a number of proxy hops (1 or more) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16)' });
  return z.NEVER;
});

export const DEFAULT_TRACK_RATE_LIMIT: RateLimit = { max: 10, timeWindow: 60_000 };
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const Env = z.object({
  // Long enough not to be guessed; Prometheus sends it as `Authorization: Bearer …`.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (make one with `openssl rand -hex 32`)').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).optional(),
  WEB_ROOT: z.string().min(1).optional(),
  TRUST_PROXY: TrustProxyEnv.optional(),
  TRACK_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  // Push services (Apple's above all) want a real contact in the VAPID token.
  // Days after a withdrawal before a dossier the commune never accepted is removed.
  PURGE_WITHDRAWN_DAYS: z.coerce.number().int().min(0).max(3650).optional(),
  // Years the commune keeps an accepted dossier (its legal record; never purged by the server).
  RECORD_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').optional(),
  // SMS gateway: messages are POSTed to this URL (none: no SMS is offered).
  SMS_GATEWAY_URL: z.string().url().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_GATEWAY_USER: z.string().min(1).optional(),
  SMS_GATEWAY_PASSWORD: z.string().min(1).optional(),
  SMS_GATEWAY_BODY: z.string().refine((v) => v.includes('{{text}}') && v.includes('{{to}}'), 'must contain {{to}} and {{text}}').optional(),
  SMS_GATEWAY_CONTENT_TYPE: z.string().min(1).optional(),
  KEY_ENCRYPTION_KEY: z
    .string()
    .transform((v, ctx) => parseKek(v) ?? (ctx.addIssue({ code: 'custom', message: 'must be 32 bytes in base64 (make one with `openssl rand -base64 32`)' }), z.NEVER))
    .optional(),
});

/** Never repeated in an error message (it goes to logs). */
const SECRET_VARIABLES = new Set(['KEY_ENCRYPTION_KEY', 'DATABASE_URL', 'METRICS_TOKEN', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'SMS_GATEWAY_USER', 'SMS_GATEWAY_PASSWORD']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const absolute = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

/** Reads and validates the environment. Empty strings count as unset (`FOO= cmd`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const got = (name: string) => (SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(present[name])})`);
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${got(String(i.path[0]))}`);
    throw new ConfigError(`Invalid environment variable ${lines.join('; ')}`);
  }
  const e = parsed.data;
  // Several nodes on one database must all open the same sealed keys: a KEK made on one disk won't do.
  if (e.DATABASE_URL && !e.KEY_ENCRYPTION_KEY) {
    throw new ConfigError(
      'Missing environment variable KEY_ENCRYPTION_KEY: it is required with DATABASE_URL, so that every node can decrypt the signing keys kept in the database. Make one with `openssl rand -base64 32` and give every node the same value.',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: absolute(e.DATA_DIR ?? resolve(REPO_ROOT, 'data')),
    databaseUrl: e.DATABASE_URL,
    ...(e.DATABASE_POOL_SIZE ? { databasePoolSize: e.DATABASE_POOL_SIZE } : {}),
    webRoot: absolute(e.WEB_ROOT ?? resolve(REPO_ROOT, 'web/dist')),
    ...(e.TRUST_PROXY !== undefined ? { trustProxy: e.TRUST_PROXY } : {}),
    trackRateLimit: e.TRACK_RATE_LIMIT ? { max: e.TRACK_RATE_LIMIT, timeWindow: 60_000 } : DEFAULT_TRACK_RATE_LIMIT,
    logger: { level: e.LOG_LEVEL },
    demo: e.DEMO === 'true' || e.DEMO === '1',
    retention: { ...DEFAULT_RETENTION, withdrawnDays: e.PURGE_WITHDRAWN_DAYS ?? DEFAULT_RETENTION.withdrawnDays, recordYears: e.RECORD_RETENTION_YEARS ?? DEFAULT_RETENTION.recordYears },
    purgeEveryMs: 3_600_000,
    webhookEveryMs: 5_000,
    ...(e.VAPID_SUBJECT ? { push: { subject: e.VAPID_SUBJECT } } : {}),
    ...(e.SMS_GATEWAY_URL
      ? {
          sms: {
            gateway: {
              url: e.SMS_GATEWAY_URL,
              ...(e.SMS_GATEWAY_TOKEN ? { token: e.SMS_GATEWAY_TOKEN } : {}),
              ...(e.SMS_GATEWAY_USER ? { user: e.SMS_GATEWAY_USER, password: e.SMS_GATEWAY_PASSWORD ?? '' } : {}),
              ...(e.SMS_GATEWAY_BODY ? { body: e.SMS_GATEWAY_BODY } : {}),
              ...(e.SMS_GATEWAY_CONTENT_TYPE ? { contentType: e.SMS_GATEWAY_CONTENT_TYPE } : {}),
            },
          },
        }
      : {}),
    ...(e.KEY_ENCRYPTION_KEY ? { keyEncryptionKey: e.KEY_ENCRYPTION_KEY } : {}),
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };
}
