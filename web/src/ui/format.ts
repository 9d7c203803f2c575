// The formats live with the language in i18n/, where trust/ (which ui/ loads lazily, so it may
// not import ui/) reads them too; screens keep importing them from here.
export * from '../i18n/format.ts';
