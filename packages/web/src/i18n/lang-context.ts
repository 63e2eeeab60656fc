import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { Locale } from '../api/types.js';
import { formatters, type Formatters } from './format.js';
import { translator } from './i18n.js';

/** The dashboard language with its translator and formatters. */
export interface LangValue {
  lang: Locale;
  setLang: (lang: Locale) => void;
  t: TFunction;
  fmt: Formatters;
}

/** Builds the context value for a language. */
export function langValue(lang: Locale, setLang: (lang: Locale) => void): LangValue {
  return { lang, setLang, t: translator(lang), fmt: formatters(lang) };
}

export const LangContext = createContext<LangValue>(langValue('en', () => undefined));

/** The current language, translator (`t`) and formatters (`fmt`). */
export function useLang(): LangValue {
  return useContext(LangContext);
}
