import { useTranslation } from 'react-i18next';

/** The current language and the translate function; `lang` picks the catalog's `{vi, en}` texts. */
export function useLang() {
  const { t, i18n } = useTranslation();
  return { t, lang: i18n.resolvedLanguage ?? i18n.language ?? 'vi' };
}
