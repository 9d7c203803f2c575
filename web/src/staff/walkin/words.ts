// Walk-in mode's own words are `walkin.*` of the staff namespace (shared/locales/<lang>/staff.json),
// loaded with the console's chunks so a citizen's phone never downloads them; the shared words,
// such as receipt labels, come from the app's namespaces. Vietnamese travels in this chunk, so
// the header has its words before another language's file arrives.
import vi from '../../../../shared/locales/vi/staff.json';
import { useLang } from '../../ui/hooks/useLang.ts';
import { useStaffT } from '../i18n/index.ts';

export type WalkinKey = keyof typeof vi.walkin;

/** `t` for the app's shared words, `w` for walk-in mode's own, in the current language. */
export function useWalkinT() {
  const { t, lang } = useLang();
  const staff = useStaffT();
  return { t, lang, w: (key: WalkinKey) => (staff.ready ? staff.t(`walkin.${key}`) : vi.walkin[key]) };
}
