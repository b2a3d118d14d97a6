/**
 * The window picks its way to the core once, at start: Electron's preload gives `window.api`
 * (and images on receipt://); in a browser, the host's WebSocket (and images on /receipt/).
 */
import { messages } from '../i18n';
import type { WindowApi } from '../../src-shared/ipc/channels';
import { createClient, type Client } from './client';
import { takeToken, webSocketApi, type ConnectionState } from './websocket-api';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export function pickTransport(onState: (s: ConnectionState) => void): Client {
  if (window.api) {
    onState('open');
    return createClient(window.api, (sha) => `receipt://${sha}/`);
  }
  const token = takeToken();
  if (!token) throw new Error(messages().app.noToken);
  return createClient(webSocketApi(token, onState), (sha) => `/receipt/${sha}?token=${encodeURIComponent(token)}`);
}
