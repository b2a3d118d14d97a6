/**
 * The window's Content-Security-Policy. Scripts, styles and fonts only from the app itself (no
 * inline script, no eval), images from the app and the receipt store, no plugins, no framing,
 * no forms. The browser host differs only in how it reaches the core (its own WebSocket) and
 * where images come from (its own origin).
 */
const COMMON = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "font-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

/** Electron: app://recibo serves the renderer, receipt://<sha256> the images; IPC needs no connection. */
export const ELECTRON_CSP = [...COMMON, "img-src 'self' receipt: blob: data:", "connect-src 'none'"].join('; ');

/** The browser host on 127.0.0.1:<port>: images and the WebSocket on that origin only. */
export const webHostCsp = (port: number) => [...COMMON, "img-src 'self' blob: data:", `connect-src ws://127.0.0.1:${port}`].join('; ');
