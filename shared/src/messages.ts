// Validation problems are named by a code; their words are i18next resources in
// shared/locales/<lang>/forms.json (`errors.<code>`), which the phone shows and the server's
// 400 answers carry, so both say the same thing. The codes are the keys of the Vietnamese file.
import type viForms from '../locales/vi/forms.json';

export type ValidationCode = keyof (typeof viForms)['errors'];

/** The languages catalog texts carry (`Localized`: `{vi, en}`), to pick a label from them. */
export type Lang = 'vi' | 'en';
