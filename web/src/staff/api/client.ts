// The staff API over fetch: the session cookie goes by itself (httpOnly, path /api), the CSRF
// token is kept in memory and echoed on every state-changing request, answers are parsed with
// the shared zod schemas, and every failure becomes a StaffApiError the screens can word.
import { ApiError } from '@hsc/shared/schemas';
import { CSRF_HEADER } from '@hsc/shared/staff';
import type { z } from 'zod';

export class StaffApiError extends Error {
  constructor(
    /** 0 when the server could not be reached. */
    readonly status: number,
    /** The server's `error` (`bad_credentials`, `invalid_transition` …), or `network` / `unreadable`. */
    readonly code: string,
    message: string,
    readonly body?: ApiError,
  ) {
    super(message);
  }
}

interface ClientState {
  csrf: string | null;
  lang: string;
  /** Called when the server says the session is gone, so the console shows the login again. */
  onUnauthenticated: (() => void) | null;
}
const state: ClientState = { csrf: null, lang: 'vi', onUnauthenticated: null };

export const setCsrfToken = (token: string | null) => void (state.csrf = token);
export const setApiLanguage = (lang: string) => void (state.lang = lang);
export const onUnauthenticated = (fn: (() => void) | null) => void (state.onUnauthenticated = fn);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body. */
  json?: unknown;
  /** Raw body (the result file), sent with its own media type. */
  raw?: Blob;
  headers?: Record<string, string>;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

async function send(path: string, { method = 'GET', json, raw, headers = {} }: RequestOptions): Promise<Response> {
  const h: Record<string, string> = { 'accept-language': state.lang, ...headers };
  if (method !== 'GET' && state.csrf) h[CSRF_HEADER] = state.csrf;
  if (json !== undefined) h['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers: h,
      body: json !== undefined ? JSON.stringify(json) : raw,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new StaffApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
}

async function failure(res: Response, path: string): Promise<StaffApiError> {
  const parsed = ApiError.safeParse(await readJson(res));
  const body = parsed.success ? parsed.data : undefined;
  // A login attempt's 401 is a wrong password, not a lost session.
  if (res.status === 401 && !path.endsWith('/login')) state.onUnauthenticated?.();
  return new StaffApiError(res.status, body?.error ?? `http_${res.status}`, body?.message ?? `HTTP ${res.status}`, body);
}

/** A request whose answer is JSON of the given schema. */
export async function request<S extends z.ZodType>(schema: S, path: string, opts: RequestOptions = {}): Promise<z.infer<S>> {
  const res = await send(path, opts);
  if (!res.ok) throw await failure(res, path);
  const parsed = schema.safeParse(await readJson(res));
  if (!parsed.success) throw new StaffApiError(res.status, 'unreadable', parsed.error.message);
  return parsed.data;
}

/**
 * A GET that may be unchanged since the answer tagged `etag`: null then (304), else the new
 * answer and its tag. What a screen that polls uses, so an idle desk costs no body.
 */
export async function requestIfChanged<S extends z.ZodType>(schema: S, path: string, etag: string | undefined): Promise<{ data: z.infer<S>; etag: string | undefined } | null> {
  const res = await send(path, { headers: etag ? { 'if-none-match': etag } : {} });
  if (res.status === 304) return null;
  if (!res.ok) throw await failure(res, path);
  const parsed = schema.safeParse(await readJson(res));
  if (!parsed.success) throw new StaffApiError(res.status, 'unreadable', parsed.error.message);
  return { data: parsed.data, etag: res.headers.get('etag') ?? undefined };
}

/** A request answered with no body (204). */
export async function requestVoid(path: string, opts: RequestOptions = {}): Promise<void> {
  const res = await send(path, opts);
  if (!res.ok) throw await failure(res, path);
}
