// Languages: Vietnamese is bundled and the default; every other language is a file loaded on
// demand. Adding a language = one file shaped like vi.ts + one line in LANGUAGES.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '@hsc/shared/schemas';
import vi, { type Messages } from './vi.ts';

export const LANGUAGES: Record<string, { label: string; load: () => Promise<Messages> }> = {
  vi: { label: 'Tiếng Việt', load: async () => vi },
  en: { label: 'English', load: () => import('./en.ts').then((m) => m.default) },
};
export const DEFAULT_LANGUAGE = 'vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function supported(lang: string | undefined): string {
  return lang && lang in LANGUAGES ? lang : DEFAULT_LANGUAGE;
}

async function ensureLoaded(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', await LANGUAGES[lang]!.load());
}

export async function initI18n(lang?: string): Promise<typeof i18next> {
  const lng = supported(lang);
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      resources: { vi: { translation: vi } },
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  }
  await switchLanguage(lng);
  return i18next;
}

/** Loads the language if needed and switches; the caller remembers the choice. */
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
