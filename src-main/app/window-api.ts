/**
 * What the preload exposes to the window, as a function of Electron's ipcRenderer so it can be
 * tested without Electron. `invoke` and `on` reach only the contract's window channels;
 * dropped files are resolved to paths here, in the preload, so the page never sees or names a
 * path (webUtils gives none for a File the page made itself).
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { ELECTRON_DROP_CHANNEL, ELECTRON_EVENT_PREFIX, ELECTRON_INVOKE_CHANNEL, isEventChannel, isWindowChannel, type WindowApi } from '../../src-shared/ipc/channels';
import { err } from '../../src-shared/ipc/result';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** `satisfies` rejects a member the contract does not define (excess property check). */
export function createWindowApi(ipc: PreloadIpc, pathForFile: (file: { name: string }) => string): WindowApi {
  return {
    invoke: (channel, payload) => (isWindowChannel(channel) ? ipc.invoke(ELECTRON_INVOKE_CHANNEL, channel, payload) : Promise.resolve(err('UNKNOWN_CHANNEL', `Unknown channel ${JSON.stringify(channel)}`))),
    on: (channel, listener) => {
      if (!isEventChannel(channel)) throw new Error(`Unknown event ${JSON.stringify(channel)}`);
      // Electron's event object (with its sender) never reaches the page: only the payload.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(ELECTRON_EVENT_PREFIX + channel, forward);
      return () => void ipc.removeListener(ELECTRON_EVENT_PREFIX + channel, forward);
    },
    intakeDropped: (files, profile) => {
      const paths = files.map((f) => {
        try {
          return pathForFile(f);
        } catch {
          return '';
        }
      });
      // A pasted image or a file made in the page has no path: the page sends its bytes instead.
      if (paths.length === 0 || paths.some((p) => !p)) return null;
      return ipc.invoke(ELECTRON_DROP_CHANNEL, { paths, ...(profile ? { profile } : {}) });
    },
  } satisfies WindowApi;
}
