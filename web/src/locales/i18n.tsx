import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN, { type MessageKey } from './zh-CN';
import enUS from './en-US';

export type Lang = 'zh-CN' | 'en-US';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const LANGS: Lang[] = ['zh-CN', 'en-US'];
export const messages: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

const STORAGE_KEY = 'redshield.lang';
const DAYJS_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

/** Fills "{name}" placeholders; a placeholder without a value stays visible, so a missing one is noticed. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(lang: Lang): Translate {
  const table = messages[lang];
  return (key, vars) => format(table[key] ?? zhCN[key] ?? key, vars);
}

/** Whether a string is one of the message keys (for keys built from server values, like audit actions). */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en-US' || saved === 'zh-CN' ? saved : 'zh-CN';
}

interface LocaleValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  dayjs.locale(DAYJS_LOCALE[lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** The translate function of the current language: t('menu.home'), t('common.total', { total: 3 }). */
export const useT = (): Translate => useLocale().t;
