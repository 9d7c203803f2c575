// Plain words for a failed request: the server's own message when it sent one (already in the
// console's language), else what the officer can do about it.
import type { StaffT } from '../i18n/index.ts';
import { StaffApiError } from './client.ts';

export function errorText(t: StaffT, e: unknown): string {
  if (!(e instanceof StaffApiError)) return t('errors.unknown', { status: '?' });
  if (e.code === 'network') return t('errors.network');
  if (e.code === 'unreadable') return t('errors.unreadable');
  // The sign-in lockout's answer says how many minutes remain; older servers' does not.
  if (e.code === 'rate_limited') return e.body?.message && /\d/.test(e.body.message) ? e.body.message : t('login.rateLimited');
  if (e.code === 'unauthenticated') return t('login.expired');
  if (e.status === 404) return t('errors.notFound');
  if (e.body?.message) {
    const details = e.body.fields?.map((f) => f.message).filter((m) => m && m !== e.body?.message) ?? [];
    return [e.body.message, ...new Set(details)].join(' ');
  }
  if (e.status === 403) return t('errors.forbidden');
  return t('errors.unknown', { status: e.status });
}
