/**
 * "Did the money arrive?" for one data folder: every read receipt decided against all the
 * movements kept (src-shared/reconcile/match.ts), again each time a statement arrives
 * (core/statement-import.ts), the sweep removes one, or receipts change.
 */
import { MATCH_DEFAULTS, reconcile, type Movement } from '../../src-shared/reconcile/match';
import { deleteExpiredStatements, hasStatements, replaceReconciliations, storedClaims, storedMovements } from '../db/statements';
import type { Core } from './data-folder';
import { readSettings } from './settings';

export type VerdictCounts = Record<'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim', number>;

/** Decides every read receipt against every movement kept, replacing the decisions before. */
export function reconcileHistory(core: Core): VerdictCounts {
  const movements = storedMovements(core.db);
  const idOf = new Map<Movement, number>(movements.map((m) => [m, m.id]));
  const decisions = reconcile(storedClaims(core.db), movements, { ...MATCH_DEFAULTS, maxDaysLater: readSettings(core.db).creditDays });
  replaceReconciliations(core.db, decisions, (m) => idOf.get(m) ?? null, core.now().toISOString());
  const counts: VerdictCounts = { verified: 0, amount_mismatch: 0, not_found: 0, duplicate_claim: 0 };
  for (const d of decisions) counts[d.verdict]++;
  return counts;
}

/** The retention sweep's part: statements past their time go, and the receipts are decided again. */
export function sweepStatements(core: Core, asOf: Date): number {
  const removed = deleteExpiredStatements(core.db, asOf.toISOString());
  if (removed > 0) reconcileHistory(core);
  return removed;
}

/**
 * Decides the receipts again shortly after they change (a reading saved, a field corrected),
 * once for a burst of changes (a batch read): `changed()` for each change, `stop()` at close.
 */
export function reconcileOnChange(core: Core, delayMs = 500): { changed(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    changed: () => {
      if (timer || !hasStatements(core.db)) return;
      timer = setTimeout(() => {
        timer = null;
        try {
          reconcileHistory(core);
        } catch (e) {
          core.log.write({ event: 'reconcile-error', message: (e as Error).message });
        }
      }, delayMs);
      timer.unref();
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
