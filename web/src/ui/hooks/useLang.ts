// The hook lives in i18n/, where trust/ (which ui/ loads lazily, so it may not import ui/) reads
// it too; screens keep importing it from here.
export { useLang } from '../../i18n/useLang.ts';
