/**
 * The typed face of the contract for the window: `invoke('receipts:get', {sha256})` is checked
 * against the contract at compile time, and what comes back is checked against its schema at
 * run time (a core and a window of different versions fail loudly, not subtly).
 */
import { messages } from '../i18n';
import type { WindowApi } from '../../src-shared/ipc/channels';
import { EVENTS, INVOKE, type EventChannel, type EventPayload, type InvokeChannel, type Req, type Res } from '../../src-shared/ipc/contract';
import { err, ok, type Result } from '../../src-shared/ipc/result';
import type { ProfileName } from '../../src-shared/ocr/profiles';

export interface Client {
  invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Dropped files by path where the shell can (Electron); null: send their bytes. */
  intakeDropped(files: readonly File[], profile?: ProfileName): Promise<Result<Res<'intake:paths'>>> | null;
  /** Where the window loads a stored receipt's image from. */
  imageUrl(sha256: string): string;
}

const isResult = (r: unknown): r is Result<unknown> =>
  typeof r === 'object' && r !== null && 'ok' in r && (r.ok === true ? 'value' in r : typeof (r as { error?: { code?: unknown } }).error?.code === 'string');

async function checked<C extends InvokeChannel>(channel: C, raw: Promise<unknown>): Promise<Result<Res<C>>> {
  let result: unknown;
  try {
    result = await raw;
  } catch (e) {
    return err('TRANSPORT', (e as Error).message);
  }
  if (!isResult(result)) return err('BAD_RESPONSE', messages().app.badResponse(channel));
  if (!result.ok) return result;
  const parsed = INVOKE[channel].res.safeParse(result.value);
  return parsed.success ? ok(parsed.data as Res<C>) : err('BAD_RESPONSE', messages().app.outOfContract(channel, parsed.error.issues[0]?.message ?? ''));
}

export function createClient(api: WindowApi, imageUrl: (sha256: string) => string): Client {
  return {
    invoke: (channel, req) => checked(channel, api.invoke(channel, req)),
    on: (event, listener) =>
      api.on(event, (payload) => {
        const parsed = EVENTS[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      }),
    intakeDropped: (files, profile) => {
      const raw = api.intakeDropped(files, profile);
      return raw ? checked('intake:paths', raw) : null;
    },
    imageUrl,
  };
}
