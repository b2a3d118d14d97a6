/**
 * The window's words, in Spanish (the operators' language, the default) and English: one
 * dictionary per language (es.ts is the reference; en.ts must have every key, or it does not
 * compile). The choice is kept on this computer, like the theme, and applies at once.
 */
import type { RefusalReason } from '../../src-shared/extract/validate';
import { StatementProblemSchema } from '../../src-shared/ipc/statement-schemas';
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

/**
 * What the operator reads for an error, in the window's language: a value refused with its
 * reason (`details.reason` of INVALID_VALUE), else the words for its code. The core's own
 * message only for a code the window has no words for (src-renderer/i18n/coverage.test.ts
 * keeps that from happening for the codes the core answers).
 */
export function errorText(t: Messages, e: { code: string; message: string; details?: Record<string, unknown> }): string {
  const reason = e.code === 'INVALID_VALUE' ? (e.details?.reason as RefusalReason | undefined) : undefined;
  if (reason) {
    switch (reason.code) {
      case 'empty':
        return t.validation.empty;
      case 'unknown_option':
        return t.validation.unknown_option(reason.options.join(', '));
      case 'unknown_field':
        return t.validation.unknown_field;
      case 'not_a_value':
        return t.validation.not_a_value(reason.typed);
      case 'extra_text':
        return t.validation.extra_text(reason.typed, reason.extra);
    }
  }
  // A statement the core cannot read: the file and why, line and cell included, in these words.
  const problem = e.code === 'STATEMENT_UNREADABLE' ? StatementProblemSchema.safeParse(e.details?.problem) : null;
  if (problem?.success && typeof e.details?.file === 'string') return t.statements.unreadable(e.details.file, problem.data);
  return (t.errors as Record<string, string>)[e.code] ?? e.message;
}
