// The moments of life a person browses the catalog by when they do not know a procedure's name.
// Plain words, as a person would say what is happening to them, not the name of a field of law.
// The citizen app folds these into its i18n resources; the staff editor shows the same words.
import type { Localized } from './primitives.ts';
import type { LifeEvent } from './procedure.ts';

/** Every life event with its label, in the order the phone shows them (most common first). */
export const LIFE_EVENTS: Readonly<Record<LifeEvent, Localized>> = {
  birth: { vi: 'Có con mới sinh', en: 'A new baby' },
  marriage: { vi: 'Kết hôn', en: 'Getting married' },
  death: { vi: 'Người thân qua đời', en: 'A death in the family' },
  moving: { vi: 'Chuyển chỗ ở', en: 'Moving home' },
  papers: { vi: 'Chứng thực giấy tờ', en: 'Certifying papers' },
  business: { vi: 'Kinh doanh, buôn bán', en: 'Running a business' },
  land: { vi: 'Nhà, đất', en: 'House and land' },
  support: { vi: 'Cần trợ giúp', en: 'Needing support' },
  merit: { vi: 'Người có công', en: 'People of merit, veterans' },
  farming: { vi: 'Làm nông nghiệp', en: 'Farming' },
};

/** The life events in display order. */
export const LIFE_EVENT_ORDER = Object.keys(LIFE_EVENTS) as LifeEvent[];

/** The labels of one language, shaped for an i18n resource (`lifeEvents.<event>`). */
export function lifeEventLabels(lang: 'vi' | 'en'): Record<LifeEvent, string> {
  return Object.fromEntries(LIFE_EVENT_ORDER.map((e) => [e, LIFE_EVENTS[e][lang]])) as Record<LifeEvent, string>;
}
