// Languages are the folders of shared/locales: each holds one JSON file per namespace (common,
// app, forms, staff, server). Adding a language = adding one folder; nothing here names it.
// Vietnamese `common`, `app` and `forms` are bundled (the first screen needs them); every other
// language is fetched, one chunk per file, when chosen. `staff` is loaded by the console's chunk.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '@hsc/shared/schemas';
import names from 'virtual:language-names';
import viApp from '../../../shared/locales/vi/app.json';
import viCommon from '../../../shared/locales/vi/common.json';
import viForms from '../../../shared/locales/vi/forms.json';

export const DEFAULT_LANGUAGE = 'vi';

/** The namespaces the citizen app needs in every language (the first is the default one). */
const APP_NAMESPACES = ['app', 'common', 'forms'] as const;
type AppNamespace = (typeof APP_NAMESPACES)[number];

// One lazy loader per language and namespace, found by Vite at build time.
const files: Record<AppNamespace, Record<string, () => Promise<unknown>>> = {
  app: import.meta.glob('../../../shared/locales/*/app.json', { import: 'default' }),
  common: import.meta.glob('../../../shared/locales/*/common.json', { import: 'default' }),
  forms: import.meta.glob('../../../shared/locales/*/forms.json', { import: 'default' }),
};
/** `../../../shared/locales/en/app.json` → `en`. */
const pathOf = (ns: AppNamespace, lang: string): string => `../../../shared/locales/${lang}/${ns}.json`;

/** Every language (a folder) with its own name, Vietnamese first, then as the folders sort. */
export const LANGUAGES: Record<string, { label: string }> = Object.fromEntries(
  [DEFAULT_LANGUAGE, ...Object.keys(names).filter((c) => c !== DEFAULT_LANGUAGE).sort()].map((c) => [c, { label: names[c]! }]),
);

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    // `status.*`, `decision.*` (common) and `errors.*` (forms) are reached without a prefix.
    fallbackNS: ['common', 'forms'];
    resources: { app: typeof viApp; common: typeof viCommon; forms: typeof viForms };
  }
}

function supported(lang: string | undefined): string {
  return lang && lang in LANGUAGES ? lang : DEFAULT_LANGUAGE;
}

async function ensureLoaded(lang: string): Promise<void> {
  await Promise.all(
    APP_NAMESPACES.map(async (ns) => {
      if (i18next.hasResourceBundle(lang, ns)) return;
      const load = files[ns][pathOf(ns, lang)];
      if (load) i18next.addResourceBundle(lang, ns, await load());
    }),
  );
}

export async function initI18n(lang?: string): Promise<typeof i18next> {
  const lng = supported(lang);
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      ns: [...APP_NAMESPACES],
      defaultNS: 'app',
      fallbackNS: ['common', 'forms'],
      resources: { vi: { app: viApp, common: viCommon, forms: viForms } },
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  }
  await switchLanguage(lng);
  return i18next;
}

// The person's choice is kept in localStorage, not IndexedDB: the first screen is drawn before
// the database code loads, and in the right language.
const CHOSEN = 'hsc.language';

/** The language chosen on this phone, if any. */
export function chosenLanguage(): string | undefined {
  try {
    return localStorage.getItem(CHOSEN) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Switches and remembers the person's choice. */
export async function chooseLanguage(lang: string): Promise<void> {
  await switchLanguage(lang);
  try {
    localStorage.setItem(CHOSEN, i18next.language);
  } catch {
    // Private browsing without storage: the choice lasts until the app is closed.
  }
}

/** Loads the language if needed and switches. */
export async function switchLanguage(lang: string): Promise<void> {
  const lng = supported(lang);
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** Catalog texts carry both languages; a language without its own text falls back to Vietnamese. */
export function localized(text: Localized, lang: string): string {
  return lang === 'en' ? text.en : text.vi;
}

export { i18next };
