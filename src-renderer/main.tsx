/**
 * The window's start: pick the way to the core (Electron's preload or the browser host's
 * WebSocket), create the store over it, and render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { pickTransport } from './ipc/transport';
import type { ConnectionState } from './ipc/websocket-api';
import { StoreContext } from './state/context';
import { createStore, type AppStore } from './state/store';
import { currentLanguage, setLanguage } from './i18n';
import { applyTheme, storedTheme } from './theme';
import './styles.css';

applyTheme(storedTheme());
// The chosen language (Spanish unless the operator picked another) on <html lang>.
setLanguage(currentLanguage());

const root = createRoot(document.getElementById('root')!);
let store: AppStore | null = null;
let pendingState: ConnectionState = 'connecting';
const onState = (s: ConnectionState) => {
  if (!store) return void (pendingState = s);
  const was = store.getState().connection;
  store.setState({ connection: s });
  // Back after a lost connection: whatever happened meanwhile is read again.
  if (s === 'open' && was === 'lost') void store.getState().refresh();
};

try {
  const client = pickTransport(onState);
  store = createStore(client);
  store.setState({ connection: pendingState });
  void store.getState().refresh();
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App client={client} />
      </StoreContext.Provider>
    </StrictMode>,
  );
} catch (e) {
  root.render(<p className="fatal">{(e as Error).message}</p>);
}
