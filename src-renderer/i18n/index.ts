/**
 * The window's words, in Spanish (the operators' language, the default) and English: one
 * dictionary per language (es.ts is the reference; en.ts must have every key, or it does not
 * compile). The choice is kept on this computer, like the theme, and applies at once.
 */
import { create } from 'zustand';
import { en } from './en';
import { es, type Messages } from './es';

export type { Messages } from './es';
export const LANGUAGES = { es: 'Español', en: 'English' } as const;
export type Language = keyof typeof LANGUAGES;

const KEY = 'recibo.language';
const MESSAGES: Record<Language, Messages> = { es, en };
/** Numbers and dates as each language writes them (Venezuelan Spanish: 1.234,56). */
const LOCALES: Record<Language, string> = { es: 'es-VE', en: 'en-US' };

const stored = (): Language => (globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'es');
const useLanguageStore = create<{ language: Language }>()(() => ({ language: stored() }));

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(KEY, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  useLanguageStore.setState({ language });
}

export const useLanguage = () => useLanguageStore((s) => s.language);
export const currentLanguage = (): Language => useLanguageStore.getState().language;
/** The words of the language in use; the component re-renders when it changes. */
export const useT = (): Messages => MESSAGES[useLanguage()];
/** The same outside components (the store's messages). */
export const messages = (): Messages => MESSAGES[useLanguageStore.getState().language];
export const useLocale = () => LOCALES[useLanguage()];
export const currentLocale = () => LOCALES[useLanguageStore.getState().language];

/** What the operator reads for an error code; the core's own words where there is none. */
export const errorText = (t: Messages, e: { code: string; message: string }) => (t.errors as Record<string, string>)[e.code] ?? e.message;
