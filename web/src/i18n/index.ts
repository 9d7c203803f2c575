// Languages are the folders of shared/locales: each holds one JSON file per namespace (app,
// dossier, common, forms, staff, trust, server, shell). Adding a language = adding one folder;
// nothing here names it. Vietnamese `app` (the first screens: home, catalog, header) is bundled;
// the citizen app's other namespaces load just after the first screen is drawn (`loadTexts`,
// which the screens that need them wait for), and every other language when chosen, one chunk
// per file. `staff` is loaded by the console's chunk.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '@hsc/shared/schemas';
import names from 'virtual:language-names';
import viApp from '../../../shared/locales/vi/app.json';
import type viCommon from '../../../shared/locales/vi/common.json';
import type viDossier from '../../../shared/locales/vi/dossier.json';
import type viForms from '../../../shared/locales/vi/forms.json';

export const DEFAULT_LANGUAGE = 'vi';

/** The namespaces of the citizen app: the first screens' (the default one), then the others'. */
const FIRST_NAMESPACES = ['app'] as const;
const APP_NAMESPACES = ['app', 'dossier', 'common', 'forms'] as const;
type AppNamespace = (typeof APP_NAMESPACES)[number];
/** What every language switch loads: the first screens' words until `loadTexts` asks for all. */
let wanted: readonly AppNamespace[] = FIRST_NAMESPACES;

// One lazy loader per language and namespace, found by Vite at build time.
const files: Record<AppNamespace, Record<string, () => Promise<unknown>>> = {
  app: import.meta.glob('../../../shared/locales/*/app.json', { import: 'default' }),
  dossier: import.meta.glob('../../../shared/locales/*/dossier.json', { import: 'default' }),
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
    // The screens' words (dossier), `status.*`, `decision.*` (common) and `errors.*` (forms)
    // are reached without a prefix.
    fallbackNS: ['dossier', 'common', 'forms'];
    resources: { app: typeof viApp; dossier: typeof viDossier; common: typeof viCommon; forms: typeof viForms };
  }
}

function supported(lang: string | undefined): string {
  return lang && lang in LANGUAGES ? lang : DEFAULT_LANGUAGE;
}

// One load per file at a time: at start the boot and every preloaded screen ask for the same
// words together. A failed load (offline, not cached yet) is forgotten, so the next ask tries again.
const loading = new Map<string, Promise<void>>();

function loadBundle(lang: string, ns: AppNamespace): Promise<void> {
  const load = files[ns][pathOf(ns, lang)];
  if (!load || i18next.hasResourceBundle(lang, ns)) return Promise.resolve();
  const key = pathOf(ns, lang);
  let pending = loading.get(key);
  if (!pending) {
    pending = load()
      .then((bundle) => void i18next.addResourceBundle(lang, ns, bundle))
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

async function ensureLoaded(lang: string): Promise<void> {
  await Promise.all(wanted.map((ns) => loadBundle(lang, ns)));
}

/**
 * Sets i18next up in `lang` (or the default) with every namespace of the citizen app, or only
 * the first screens' (`firstOnly`, at boot: the others follow with `loadTexts`).
 */
export async function initI18n(lang?: string, { firstOnly = false } = {}): Promise<typeof i18next> {
  const lng = supported(lang);
  if (!firstOnly) wanted = APP_NAMESPACES;
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      ns: [...APP_NAMESPACES],
      defaultNS: 'app',
      fallbackNS: ['dossier', 'common', 'forms'],
      resources: { vi: { app: viApp } },
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  }
  await switchLanguage(lng);
  return i18next;
}

/** Loads the words of every screen of the citizen app in the current language (once). */
export function loadTexts(): Promise<void> {
  wanted = APP_NAMESPACES;
  return ensureLoaded(i18next.language);
}

/** A lazy module's loader that also waits for the words of every screen (for `React.lazy`). */
export const withTexts =
  <M>(load: () => Promise<M>) =>
  (): Promise<M> =>
    Promise.all([load(), loadTexts()]).then(([m]) => m);

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
