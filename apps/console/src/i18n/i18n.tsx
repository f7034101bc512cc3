import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, type Language } from '../api/contract';
import { en } from './messages.en';
import { fr } from './messages.fr';
import { nl, type MessageKey } from './messages.nl';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nl, fr, en };
const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const STORAGE_KEY = 'meldpunt.console.language';
// The region's business runs on Belgian time, wherever the agent's computer thinks it is.
const TIME_ZONE = 'Europe/Brussels';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  dateTime: (iso: string) => string;
  /** The time alone for today, else day and time: the queue's "received" column. */
  time: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[language];
    const full = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: TIME_ZONE,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    const short = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
    });
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key, vars) => interpolate(catalogue[key] ?? nl[key] ?? key, vars),
      dateTime: (iso) => full.format(new Date(iso)),
      time: (iso) => {
        const at = new Date(iso);
        return day.format(at) === day.format(new Date()) ? short.format(at) : full.format(at);
      },
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  const language = LANGUAGES.find((l) => l === stored) ?? 'nl';
  document.documentElement.lang = language;
  return language;
}
