import { formatMessage, type Language, languages } from '@kigaligo/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type CommonKey, commonEn, commonRw } from './common-messages';

export { languages };
export type Lang = Language;
export type Messages<K extends string = string> = Record<K, string>;
export type Translate<K extends string = CommonKey> = (
  key: K,
  vars?: Record<string, string | number>,
) => string;

/** The language is a device preference shared by the three apps (they share an origin). */
const STORAGE_KEY = 'kigaligo.lang';

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate<string>;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'rw') return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('rw') ? 'rw' : 'en';
}

export interface I18nProviderProps {
  /** App strings on top of the shared ones; Kinyarwanda must define every English key (checked by the types). */
  messages?: { en: Messages; rw: Messages };
  children: ReactNode;
}

export function I18nProvider({ messages, children }: I18nProviderProps) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const dict = useMemo(
    () => ({ en: { ...commonEn, ...messages?.en }, rw: { ...commonRw, ...messages?.rw } }),
    [messages],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const t = useCallback<Translate<string>>(
    (key, vars) => formatMessage(lang, dict[lang], dict.en, key, vars),
    [dict, lang],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `K` narrows `t` to the keys an app defines, so a typo in a key is a type error. */
export function useI18n<K extends string = CommonKey>(): {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate<K>;
} {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
