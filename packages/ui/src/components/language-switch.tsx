import { type Lang, languages, useI18n } from '../i18n/i18n-context';

const names: Record<Lang, { short: string; full: string }> = {
  en: { short: 'EN', full: 'English' },
  rw: { short: 'RW', full: 'Kinyarwanda' },
};

/** `onChange` lets an app also keep the choice elsewhere, e.g. the rider's synced preferences. */
export function LanguageSwitch({ onChange }: { onChange?: (lang: Lang) => void } = {}) {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="kg-segmented" aria-label={t('lang.label')}>
      {languages.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="kg-segmented-option"
          aria-pressed={lang === l}
          title={names[l].full}
          onClick={() => {
            setLang(l);
            onChange?.(l);
          }}
        >
          <span aria-hidden="true">{names[l].short}</span>
          <span className="kg-visually-hidden">{names[l].full}</span>
        </button>
      ))}
    </fieldset>
  );
}
