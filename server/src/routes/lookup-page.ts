// /tra-cuu: dossier code + lookup code → status, due date and timeline, as one small HTML page
// with no script, for any browser (a feature phone's, a library computer's). The lookup code
// travels in a POST body, not in the URL, so it stays out of history, logs and referrers. An
// unknown code and a wrong lookup code give the same page, byte for byte, with the same status;
// the comparison is TrackingService's constant-time one; attempts share the track limit's size.
import { parseVietQr, type DossierDecision, type PaymentInfo, type TrackResponse } from '@hsc/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { RateLimit } from '../config.ts';
import { DEFAULT_LANGUAGE, translate, type Lang } from '../http/texts.ts';
import { vnDateTime } from '../services/push.ts';
import type { TrackingService } from '../services/tracking.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The page is in Vietnamese with English after each text (server.json `lookup`, `payment`;
// common.json `status`, `decision`), so whoever opens it can read it without choosing.
const VI = DEFAULT_LANGUAGE;
const EN = 'en';
/** A text of one language, escaped for HTML. */
const tx = (lang: Lang, key: string, params?: Record<string, unknown>) => esc(translate(lang, key, params));
/** The English after a Vietnamese text. */
const en = (html: string) => `<span class="en" lang="en">${html}</span>`;


const CSS =
  'body{font:16px/1.5 sans-serif;max-width:36em;margin:0 auto;padding:1em;color:#111}' +
  'label{display:block;margin-top:.8em;font-weight:bold}input{font-size:1.1em;width:100%;max-width:20em;min-height:44px;padding:.3em;box-sizing:border-box}' +
  'button{margin-top:1em;font-size:1.1em;min-height:44px;padding:.4em 1.2em}.en{color:#555;font-size:.9em}' +
  '.box{border:1px solid #999;padding:.6em 1em;margin:1em 0}ol{padding-left:1.4em}';

function page(body: string, code = '', lookup = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${tx(VI, 'lookup.title')}</title><style>${CSS}</style></head><body><main>
<h1>${tx(VI, 'lookup.heading')}</h1>
<p>${tx(VI, 'lookup.intro')}<br>${en(tx(EN, 'lookup.intro'))}</p>
${body}
<form method="post" action="/tra-cuu">
<label for="ma">${tx(VI, 'lookup.code')} ${en(`(${tx(EN, 'lookup.code')})`)}</label>
<input id="ma" name="ma" required maxlength="40" autocomplete="off" value="${esc(code)}" placeholder="H19.05716-250102-0012">
<label for="tra">${tx(VI, 'lookup.lookupCode')} ${en(`(${tx(EN, 'lookup.lookupCode')})`)}</label>
<input id="tra" name="tra" required maxlength="8" autocomplete="off" autocapitalize="characters" value="${esc(lookup)}">
<br><button type="submit">${tx(VI, 'lookup.submit')} <span lang="en">/ ${tx(EN, 'lookup.submit')}</span></button>
</form></main></body></html>`;
}

/** An alert box: what happened (bold) and what to do, then the same in English. */
const alert = (what: string, next: string) =>
  `<div class="box" role="alert"><p><b>${tx(VI, what)}</b> ${tx(VI, next)}</p>` + `<p class="en" lang="en">${tx(EN, what)} ${tx(EN, next)}</p></div>`;
const NOT_FOUND = alert('lookup.notFound', 'lookup.notFoundNext');
const LIMITED = alert('lookup.limited', 'lookup.limitedNext');

/** The latest decision in one language: what, why, what to do, by when (the words the phone shows). */
function decisionLines(lang: Lang, d: DossierDecision): string[] {
  const m = (key: string, params?: Record<string, unknown>) => tx(lang, `common:decision.${key}`, params);
  const date = (iso: string | undefined) => (iso ? vnDateTime(iso) : '');
  const list = (xs: readonly string[]) => `<ul>${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  switch (d.kind) {
    case 'accepted':
      return [m('accepted', { date: date(d.dueAt) })];
    case 'refused':
      return [`<b>${m('refused')}</b>${list(d.reasons ?? [])}`, m('refusedNext')];
    case 'supplement':
      return [`<b>${m('supplement')}</b>${list((d.items ?? []).map((i) => translate(lang, 'common:decision.supplementItem', { label: i.label, reason: i.reason })))}`, m('supplementNext')];
    case 'rescheduled':
      return [
        `<b>${m('rescheduled')}</b>`,
        ...(d.reason ? [m('rescheduledReason', { reason: d.reason })] : []),
        `<b>${m('newDue', { date: date(d.newDueAt) })}</b>`,
        ...(d.previousDueAt ? [m('previousDue', { date: date(d.previousDueAt) })] : []),
      ];
    case 'stopped':
      return [`<b>${m('stopped', { reason: d.reason ?? '' })}</b>`, m('stoppedNext')];
    case 'payment':
      return [m('payment')];
    case 'result':
      return [`<b>${m('result')}</b>`, m('resultNext')];
  }
}

function decisionBox(d: DossierDecision): string {
  const vi = decisionLines(VI, d).map((l) => `<p>${l}</p>`).join('');
  const english = decisionLines(EN, d).map((l) => `<p>${l}</p>`).join('');
  return `<div class="box" data-decision="${esc(d.kind)}">${vi}<div class="en" lang="en">${english}</div></div>`;
}

/** The fee: amount, what for, and the commune's account as text, in both languages; one line once paid. */
function paymentBox(p: PaymentInfo, status: TrackResponse['status']): string {
  const amount = (lang: Lang) => p.amount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  const both = (key: string, params: (lang: Lang) => Record<string, string> = () => ({})) =>
    `${tx(VI, `payment.${key}`, params(VI))} ${en(`(${tx(EN, `payment.${key}`, params(EN))})`)}`;
  const line = (key: string, params?: (lang: Lang) => Record<string, string>) => `<p>${both(key, params)}</p>`;
  if (p.paidAt) return `<div class="box" data-payment="paid">${line('paid', (l) => ({ amount: amount(l), at: vnDateTime(p.paidAt!) }))}</div>`;
  if (status !== 'financial_requested') return '';
  const content = p.vietqr ? (parseVietQr(p.vietqr)?.purpose ?? '') : '';
  const account = p.payee
    ? line('transfer') +
      `<ul><li>${both('bank', () => ({ bank: p.payee!.bankName ?? p.payee!.bankBin }))}</li>` +
      `<li>${both('account', () => ({ account: p.payee!.accountNumber }))}</li>` +
      `<li>${both('accountName', () => ({ name: p.payee!.accountName }))}</li>` +
      (content ? `<li>${both('content', () => ({ content }))}</li>` : '') +
      `</ul>${line('qrOnPhone')}`
    : line('atDesk');
  return `<div class="box" data-payment="due"><p><b>${both('title', (l) => ({ amount: amount(l) }))}</b></p>${p.purpose ? line('purpose', () => ({ purpose: p.purpose! })) : ''}${account}</div>`;
}

function found(t: TrackResponse & { decision?: DossierDecision; payment?: PaymentInfo }): string {
  const status = (s: TrackResponse['status']) => `${tx(VI, `common:status.${s}`)} ${en(`(${tx(EN, `common:status.${s}`)})`)}`;
  const label = (key: string) => `${tx(VI, `lookup.${key}`)} ${en(`(${tx(EN, `lookup.${key}`)})`)}`;
  const steps = t.timeline
    .map((e) => `<li>${vnDateTime(e.at)}: ${status(e.status)}${e.note ? ` – ${esc(e.note)}` : ''}</li>`)
    .join('');
  const MARK = '\u0000';
  return (
    `<div class="box"><p>${tx(VI, 'lookup.dossier', { code: MARK }).replace(MARK, `<b>${esc(t.code)}</b>`)}</p><p>${label('status')}: <b>${status(t.status)}</b></p>` +
    `<p>${label('due')}: <b>${vnDateTime(t.dueAt)}</b></p>` +
    `<p>${label('timeline')}:</p><ol>${steps}</ol></div>` +
    (t.decision ? decisionBox(t.decision) : '') +
    (t.payment ? paymentBox(t.payment, t.status) : '')
  );
}

function send(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(html);
}

export const lookupPageRoutes: FastifyPluginAsync<{ tracking: TrackingService; limit: RateLimit }> = async (app, { tracking, limit }) => {
  // A plain HTML form posts application/x-www-form-urlencoded; only this plugin parses it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  // This plugin's answers are pages, the 429 of the rate limiter included.
  app.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
    if (err.statusCode === 429) return send(reply, 429, page(LIMITED));
    return send(reply, err.statusCode && err.statusCode < 500 ? 400 : 500, page(''));
  });

  app.get('/tra-cuu', async (req, reply) => {
    const ma = (req.query as { ma?: unknown }).ma;
    return send(reply, 200, page('', typeof ma === 'string' ? ma.slice(0, 40) : ''));
  });

  app.post(
    '/tra-cuu',
    // Every attempt counts, as on /api/track: a person checks a few times a day, a guesser cannot.
    { config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindow } } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const code = typeof body.ma === 'string' ? body.ma.slice(0, 40) : '';
      const lookup = typeof body.tra === 'string' ? body.tra.slice(0, 64) : '';
      const t = await tracking.byCode(code, lookup);
      // A miss gives the form back as it was typed, so one wrong character is corrected rather
      // than both codes typed again. Only what was typed is echoed, never anything looked up: the
      // page for a wrong lookup code and for an unknown code still do not differ by a byte.
      return t ? send(reply, 200, page(found(t))) : send(reply, 404, page(NOT_FOUND, code, lookup.slice(0, 8)));
    },
  );
};
