/**
 * The handlers of the contract: plain functions of a validated request, over the core service,
 * one module per domain (handlers/). They import nothing from Electron and know nothing of the
 * transport that called them (dispatch.ts, the Electron bridge, the browser host).
 */
import type { AppService } from './service';
import { intakeHandlers } from './handlers/intake';
import { receiptHandlers } from './handlers/receipts';
import { reportHandlers } from './handlers/reports';
import { settingsHandlers } from './handlers/settings';
import { statementHandlers } from './handlers/statements';
import type { Handlers } from './handlers/types';

export type { Handlers } from './handlers/types';

/** Every channel exactly once: a channel added to the contract and handled nowhere does not compile. */
export function createHandlers(service: AppService): Handlers {
  return { ...intakeHandlers(service), ...receiptHandlers(service), ...settingsHandlers(service), ...reportHandlers(service), ...statementHandlers(service) } satisfies Handlers;
}
