// The `staff` i18next namespace (shared/locales/<lang>/staff.json): Vietnamese comes with the
// staff chunk, other languages load when chosen; every folder of shared/locales is one. The
// citizen app's typed resources do not know this namespace, so this room has its own typed `t`
// whose keys are checked against the Vietnamese JSON (and `common`, its fallback: statuses).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type viCommon from '../../../../shared/locales/vi/common.json';
import vi from '../../../../shared/locales/vi/staff.json';
import { i18next } from '../../i18n/index.ts';

export const STAFF_NS = 'staff';

const files: Record<string, () => Promise<unknown>> = import.meta.glob('../../../../shared/locales/*/staff.json', { import: 'default' });
const STAFF_LANGUAGES: Record<string, () => Promise<unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, load]) => [path.split('/').at(-2)!, load]),
);
STAFF_LANGUAGES.vi = async () => vi;

export type StaffMessages = typeof vi;
type Plain<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;
/** Dotted paths to every string of the messages: `queue.tabs.all`, `status.processing` … (plurals once, without `_one`). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Plain<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type StaffKey = Leaves<StaffMessages> | Leaves<Pick<typeof viCommon, 'status' | 'yesNo'>>;
export type StaffT = (key: StaffKey, params?: Record<string, string | number>) => string;

export async function loadStaffMessages(lang: string): Promise<void> {
  const load = STAFF_LANGUAGES[lang] ?? STAFF_LANGUAGES.vi!;
  if (!i18next.hasResourceBundle(lang, STAFF_NS)) i18next.addResourceBundle(lang, STAFF_NS, await load());
}

/** The console's language: the app's current one, with the staff words loaded for it. */
export function useStaffT(): { t: StaffT; lang: string; ready: boolean } {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'vi';
  const [loaded, setLoaded] = useState(() => i18n.hasResourceBundle(lang, STAFF_NS));
  useEffect(() => {
    if (i18n.hasResourceBundle(lang, STAFF_NS)) return setLoaded(true);
    let live = true;
    setLoaded(false);
    // Vietnamese is the fallback of every key, so it is always there too.
    void Promise.all([loadStaffMessages('vi'), loadStaffMessages(lang)]).then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [i18n, lang]);
  // The namespace is not in the app's typed resources, so i18next is called untyped here, once.
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options: object) => string;
  return { t: (key, params) => translate(key, { ...params, ns: STAFF_NS, lng: lang }), lang, ready: loaded };
}

/**
 * A staff text in one given language, whatever the console shows: for texts an administrator
 * writes in both languages at once (the prefilled time and fee of a procedure). A language not
 * loaded yet falls back to Vietnamese.
 */
export function staffTextIn(lang: 'vi' | 'en', key: StaffKey, params?: Record<string, string | number>): string {
  const translate = i18next.t.bind(i18next) as unknown as (key: string, options: object) => string;
  return translate(key, { ...params, ns: STAFF_NS, lng: lang });
}

/** True once the staff words of every language are loaded (or could not be): for `staffTextIn`. */
export function useEveryStaffLanguage(): boolean {
  const all = Object.keys(STAFF_LANGUAGES);
  const [ready, setReady] = useState(() => all.every((l) => i18next.hasResourceBundle(l, STAFF_NS)));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void Promise.allSettled(all.map(loadStaffMessages)).then(() => live && setReady(true));
    return () => {
      live = false;
    };
    // The list of languages is fixed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
  return ready;
}
