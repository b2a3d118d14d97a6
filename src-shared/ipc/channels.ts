/**
 * The allowlists of the contract, without zod: the preload script imports only this file, so
 * the sandboxed preload stays a few lines of plain JavaScript. The types come from the contract,
 * so a channel missing here, or one too many, is a compile error.
 */
import type { ProfileName } from '../ocr/profiles';
import type { EventChannel, InvokeChannel } from './contract';

/**
 * Every invoke channel; `false` marks those the page itself may not call. `intake:paths` names
 * files on disk: it is reached only through the preload's drop handler (paths Electron resolved
 * from a real drop), never from the page, so a script in the page cannot make the core read
 * `/etc/shadow`.
 */
const INVOKE_CHANNELS: Record<InvokeChannel, boolean> = {
  'intake:add': true, 'intake:begin': true, 'intake:end': true, 'intake:interrupted': true, 'intake:paths': false, 'receipts:list': true, 'receipts:get': true, 'receipts:correct': true, 'receipts:review': true, 'receipts:pin': true,
  'receipts:rerun': true, 'batches:status': true, 'batches:control': true, 'export:run': true, 'settings:get': true, 'settings:set': true, 'settings:pickWatchFolder': true, 'rules:get': true, 'rules:set': true, 'metrics:get': true, 'app:health': true, 'statements:preview': true, 'statements:import': true, 'statements:list': true,
};
const EVENT_CHANNELS: Record<EventChannel, true> = {
  'job:progress': true, 'job:done': true, 'job:failed': true, 'receipt:updated': true, 'duplicate:found': true, 'retention:swept': true, 'worker:restarted': true, 'database:damaged': true, 'statements:changed': true,
};

export const isInvokeChannel = (c: unknown): c is InvokeChannel => typeof c === 'string' && Object.hasOwn(INVOKE_CHANNELS, c);
/** A channel the page may call (over `window.api.invoke` or the browser host's socket). */
export const isWindowChannel = (c: unknown): c is InvokeChannel => isInvokeChannel(c) && INVOKE_CHANNELS[c];
export const isEventChannel = (c: unknown): c is EventChannel => typeof c === 'string' && Object.hasOwn(EVENT_CHANNELS, c);

/** The one Electron IPC channel invokes travel on; the contract's channel is its first argument. */
export const ELECTRON_INVOKE_CHANNEL = 'recibo:invoke';
/** The Electron IPC channel of files dropped from the system, resolved to paths by the preload. */
export const ELECTRON_DROP_CHANNEL = 'recibo:intake-dropped';
/** Prefix of the Electron IPC channels events are sent on (`recibo:event:job:done`...). */
export const ELECTRON_EVENT_PREFIX = 'recibo:event:';

/**
 * What the window gets to talk to the core, in Electron (`window.api`, from the preload) and in
 * a browser (over the WebSocket): nothing else.
 */
export interface WindowApi {
  /** Resolves to the handler's `Result` (errors are data). */
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>;
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
  /**
   * Files dropped from the operating system, taken in by path (`intake:paths`) without copying
   * their bytes through the window; null where they have no path (a browser, a pasted image),
   * and the window sends their bytes with `intake:add`.
   */
  intakeDropped(files: readonly { name: string }[], profile?: ProfileName): Promise<unknown> | null;
}
