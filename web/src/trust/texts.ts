// The words of the receipt QR, the verify screen and the notification offer:
// shared/locales/<lang>/trust.json. Every language's file travels in this lazy chunk (they are
// small, and not needed for the first screen), so the words are there at once, offline too.
import vi from '../../../shared/locales/vi/trust.json';

type Texts = typeof vi;

const files = import.meta.glob<Texts>('../../../shared/locales/*/trust.json', { eager: true, import: 'default' });
const byLang: Record<string, Texts> = Object.fromEntries(Object.entries(files).map(([path, texts]) => [path.split('/').at(-2)!, texts]));

/** The trust words of a language (`en-US` → `en`), Vietnamese when there are none. */
export const trustTexts = (lang: string): Texts => byLang[lang] ?? byLang[lang.split('-')[0]!] ?? vi;

/** Fills `{{name}}` in a trust text. */
export const fillTrust = (text: string, params: Record<string, string>): string => text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => params[k] ?? m);
