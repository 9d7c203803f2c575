// Every error answer has the shared ApiError shape `{error, message, ...}`, whatever raised it:
// a route, schema validation, a body parser, the rate limiter, or an unknown URL.
import type { ApiError, FieldError, LifecycleError, Problem, ValidationCode } from '@hsc/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { langOf, text, translate, type ErrorKey, type Lang } from './texts.ts';

/** A field problem in the words the phone shows for it (`forms.json`). */
const fieldMessage = (lang: Lang, code: ValidationCode, params?: Record<string, string | number>) => translate(lang, `forms:errors.${code}`, params);

export function apiError(lang: Lang, error: ErrorKey, extra: Omit<ApiError, 'error' | 'message'> = {}): ApiError {
  return { error, message: text(lang, error), ...extra };
}

/** A refusal of the lifecycle (409): the shared code and its shared words. */
export const lifecycleError = (lang: Lang, error: LifecycleError): ApiError => ({ error, message: translate(lang, `staff:lifecycle.${error}`) });

export function fieldErrors(lang: Lang, problems: readonly Problem[]): FieldError[] {
  return problems.map((p) => ({ path: p.path, code: p.code, message: fieldMessage(lang, p.code, p.params) }));
}

export const notFound = (req: FastifyRequest, reply: FastifyReply) => reply.code(404).send(apiError(langOf(req), 'not_found'));

/** One answer for "no such dossier", "wrong secret" and "wrong lookup code": nothing to tell apart. */
export const dossierNotFound = (req: FastifyRequest, reply: FastifyReply) =>
  reply.code(404).send({ error: 'not_found', message: text(langOf(req), 'dossier_not_found') });

/** A schema failure becomes a field list like the domain's: `required` when absent, else `invalid`. */
function schemaFieldErrors(lang: Lang, err: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(err)) return [];
  return err.validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext || '';
    const absent = / received undefined$/.test(v.message ?? '');
    return absent
      ? { path, code: 'required', message: fieldMessage(lang, 'required') }
      : { path, code: 'invalid', message: text(lang, 'invalidValue') };
  });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req);
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(apiError(lang, 'rate_limited'));
    if (status === 413) return reply.code(413).send(apiError(lang, 'too_large'));
    if (status === 415) return reply.code(415).send(apiError(lang, 'unsupported_media_type'));
    if (status === 400) {
      // Schema failures and unreadable JSON alike: the client gets the dossier envelope.
      const where = err.validationContext;
      const fields = schemaFieldErrors(lang, err).map((f) => (where && where !== 'body' ? { ...f, path: `${where}.${f.path}` } : f));
      return reply.code(400).send(apiError(lang, 'invalid', { fields }));
    }
    if (status === 404) return notFound(req, reply);
    if (status > 400 && status < 500) return reply.code(status).send(apiError(lang, 'bad_request'));
    req.log.error({ err }, 'request failed');
    return reply.code(500).send(apiError(lang, 'internal'));
  });
}
