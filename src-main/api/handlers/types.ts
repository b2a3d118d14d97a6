import type * as z from 'zod';
import { type INVOKE, type InvokeChannel, type Res } from '../../../src-shared/ipc/contract';

/** Every channel of the contract, handled: a plain function of its validated request. */
export type Handlers = { [C in InvokeChannel]: (req: z.output<(typeof INVOKE)[C]['req']>) => Promise<Res<C>> };

/** The handlers of some channels: each domain's module gives its own. */
export type HandlersOf<C extends InvokeChannel> = Pick<Handlers, C>;
