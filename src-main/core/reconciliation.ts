/**
 * "Did the money arrive?" for one data folder: statements imported (once each, kept as long as
 * receipts are), and every read receipt decided against all the movements kept
 * (src-shared/reconcile/match.ts), again each time a statement arrives or the sweep removes one.
 */
import { reconcile, type Movement } from '../../src-shared/reconcile/match';
import { sha256Hex } from '../image/image-file';
import { addStatement, deleteExpiredStatements, hasStatements, replaceReconciliations, storedClaims, storedMovements } from '../db/statements';
import { retentionHours } from '../db/settings';
import type { ColumnMapping } from '../statements/columns';
import { readStatement, type ReadStatement } from '../statements/read-statement';
import type { Core } from './data-folder';

export interface ImportedStatement {
  statementId: number;
  /** False when a file with the same bytes was imported before: nothing was added. */
  added: boolean;
  format: ReadStatement['format'];
  movements: number;
  credits: number;
  columns?: ReadStatement['columns'];
}

export type VerdictCounts = Record<'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim', number>;

/** Reads and stores a statement file, then decides every receipt again. Throws StatementFormatError for a file it cannot read. */
export function importStatement(core: Core, file: { name: string; bytes: Uint8Array }, mapping?: ColumnMapping): ImportedStatement & { verdicts: VerdictCounts } {
  const sha256 = sha256Hex(file.bytes);
  const read = readStatement(file.bytes, file.name, mapping);
  const now = core.now();
  const { id, added } = addStatement(core.db, {
    sha256,
    fileName: file.name,
    format: read.format,
    importedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + retentionHours(core.db) * 3_600_000).toISOString(),
    movements: read.movements,
  });
  core.log.write({ event: 'statement-imported', file: file.name, format: read.format, movements: read.movements.length, added });
  return {
    statementId: id,
    added,
    format: read.format,
    movements: read.movements.length,
    credits: read.movements.filter((m) => m.direction === 'credit').length,
    ...(read.columns ? { columns: read.columns } : {}),
    verdicts: reconcileHistory(core),
  };
}

/** Decides every read receipt against every movement kept, replacing the decisions before. */
export function reconcileHistory(core: Core): VerdictCounts {
  const movements = storedMovements(core.db);
  const idOf = new Map<Movement, number>(movements.map((m) => [m, m.id]));
  const decisions = reconcile(storedClaims(core.db), movements);
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
