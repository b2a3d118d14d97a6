/**
 * Light, dark, or as the system says: kept on this computer (localStorage), applied as
 * `data-theme` on <html> so the stylesheet's colour variables follow. "System" is resolved here
 * and followed when the system changes, so the stylesheet defines each theme once.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'recibo.theme';
const systemDark = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');
let following: (() => void) | null = null;

export function storedTheme(): ThemeChoice {
  const v = globalThis.localStorage?.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  following?.();
  following = null;
  const set = () => (document.documentElement.dataset.theme = choice === 'system' ? (systemDark()?.matches ? 'dark' : 'light') : choice);
  set();
  const query = choice === 'system' ? systemDark() : undefined;
  if (query) {
    query.addEventListener('change', set);
    following = () => query.removeEventListener('change', set);
  }
  globalThis.localStorage?.setItem(KEY, choice);
}
