/**
 * The gate every transport goes through: the channel must be on the allowlist, the request must
 * pass its schema, and whatever happens comes back as a Result, never as a throw.
 */
import { INVOKE, isInvokeChannel, isWindowChannel } from '../../src-shared/ipc/contract';
import { err, ok, type Result } from '../../src-shared/ipc/result';
import { ApiError } from './api-error';
import type { Handlers } from './handlers';

export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return err('UNKNOWN_CHANNEL', `Unknown channel ${JSON.stringify(channel)}`);
  const parsed = INVOKE[channel].req.safeParse(payload ?? {});
  if (!parsed.success) {
    return err('BAD_REQUEST', `Invalid request for ${channel}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  try {
    // Each handler takes its own channel's request: the map is indexed by the channel just checked.
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof ApiError) return err(e.code, e.message, e.details);
    return err('INTERNAL', (e as Error).message);
  }
}

/** A call from the page (Electron's window or the browser host's socket): window channels only. */
export async function dispatchWindowCall(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (isInvokeChannel(channel) && !isWindowChannel(channel)) return err('FORBIDDEN', `The window may not call ${channel}`);
  return dispatch(handlers, channel, payload);
}
