/**
 * Where Recibo's window comes from: app://recibo/, a privileged scheme served from the built
 * renderer folder only. The IPC handler answers frames from this origin and no other (an
 * injected iframe or a page navigated elsewhere gets nothing).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'recibo';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** Receipt images: receipt://<sha256>, looked up in the content store. */
export const RECEIPT_SCHEME = 'receipt';

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
