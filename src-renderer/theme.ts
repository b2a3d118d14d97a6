/**
 * Light, dark, or as the system says: kept on this computer (localStorage), applied as
 * `data-theme` on <html> so the stylesheet's colour variables follow.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'recibo.theme';

export function storedTheme(): ThemeChoice {
  const v = globalThis.localStorage?.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  globalThis.localStorage?.setItem(KEY, choice);
}
