// The server's words: every language folder of shared/locales (one JSON file per namespace),
// read once at start into the server's own i18next instance. Adding a language is adding a
// folder. An answer is in the language Accept-Language names first when the server has it
// (`en-US` → `en`), else Vietnamese. Its own words are in `server.json` (error answers, the
// /tra-cuu page, push); field problems come from `forms.json` (the phone shows the same), the
// lifecycle's refusals from `staff.json` (the console shows the same), statuses and decisions
// from `common.json`. Here in services/ because services write words too (push, SMS, the printed
// forms, the register); the HTTP side adds the request's language (`langOf`, http/texts.ts).
import { readdirSync, readFileSync } from 'node:fs';
import type { CatalogWords } from '@hsc/shared';
import i18next, { type Resource } from 'i18next';
import type viServer from '../../../shared/locales/vi/server.json';

export const DEFAULT_LANGUAGE = 'vi';
const LOCALES = new URL('../../../shared/locales/', import.meta.url);

function readLocales(): Resource {
  const out: Resource = {};
  for (const dir of readdirSync(LOCALES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const lang = (out[dir.name] = {} as Resource[string]);
    for (const file of readdirSync(new URL(`${dir.name}/`, LOCALES))) {
      if (file.endsWith('.json')) lang[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(new URL(`${dir.name}/${file}`, LOCALES), 'utf8'));
    }
  }
  return out;
}

const resources = readLocales();
/** Every language the server speaks: the folders of shared/locales. */
export const LANGUAGES: readonly string[] = Object.keys(resources);

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
  defaultNS: 'server',
  fallbackNS: ['common'],
  // Pages escape what they print themselves; JSON answers are not HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A language the server has (a folder of shared/locales): Vietnamese or another. */
export type Lang = string;

/**
 * One text in one language: `key` in `server.json`, or `ns:key` in another namespace
 * (`forms:errors.required`, `staff:lifecycle.reason_required`, `common:status.processing`).
 */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  return i18n.t(key, { ...params, lng: lang }) as string;
}

export type ErrorKey = keyof (typeof viServer)['errors'];
export const text = (lang: Lang, key: ErrorKey) => translate(lang, `errors.${key}`);

/** What is wrong in a procedure or catalog file, in the administrator's language (`staff.json`). */
export const catalogWords =
  (lang: Lang): CatalogWords =>
  (word, params) =>
    translate(lang, `staff:catalogProblems.${word}`, params);

/** Every language's resources as loaded (a test holds them to Vietnamese's keys). */
export const loadedResources = resources as Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
