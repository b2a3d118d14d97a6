/**
 * Main's side of the contract: one ipcMain.handle() for every invoke, and the service's events
 * forwarded to the window. The handler checks who is calling (a frame of Recibo's own origin),
 * then the same dispatch gate as the browser host validates the request and returns a Result.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ELECTRON_DROP_CHANNEL, ELECTRON_EVENT_PREFIX, ELECTRON_INVOKE_CHANNEL } from '../../src-shared/ipc/channels';
import { err, type Result } from '../../src-shared/ipc/result';
import { dispatch, dispatchWindowCall } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import type { AppService } from '../api/service';
import { isAppUrl } from './origin';

/** The frame that sent an invoke, as far as the gate needs it. */
export type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url'> | null;

export async function handleInvoke(handlers: Handlers, senderFrame: SenderFrame, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!senderFrame || !isAppUrl(senderFrame.url)) return err('FORBIDDEN', 'Only Recibo’s own window may call the core');
  return dispatchWindowCall(handlers, channel, payload);
}

/** Paths of a drop, resolved by the preload from the dropped files themselves. */
export async function handleDrop(handlers: Handlers, senderFrame: SenderFrame, payload: unknown): Promise<Result<unknown>> {
  if (!senderFrame || !isAppUrl(senderFrame.url)) return err('FORBIDDEN', 'Only Recibo’s own window may call the core');
  return dispatch(handlers, 'intake:paths', payload);
}

export function registerInvokeHandler(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) => handleInvoke(handlers, event.senderFrame, channel, payload));
  ipcMain.handle(ELECTRON_DROP_CHANNEL, (event, payload: unknown) => handleDrop(handlers, event.senderFrame, payload));
}

/** Sends every service event to the window while it lives; returns the unsubscribe. */
export function forwardEvents(service: AppService, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return service.on((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(ELECTRON_EVENT_PREFIX + channel, payload);
  });
}
