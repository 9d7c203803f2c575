import { chooseLanguage, LANGUAGES } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';

export function LangSwitch() {
  const { t, lang } = useLang();
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {Object.entries(LANGUAGES).map(([code, { label }]) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-btn"
          data-testid={`lang-${code}`}
          aria-pressed={lang === code}
          // Starts with what the button shows ("VI"), so "bấm VI" works by voice; then the language.
          aria-label={`${code.toUpperCase()} – ${label}`}
          onClick={() => void chooseLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
