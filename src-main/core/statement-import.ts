/**
 * A statement file into the data folder: previewed first in the window (its format, the columns
 * found, the first rows and movements, what is wrong), then imported once (by its bytes' sha256)
 * and every receipt decided again. A column mapping the operator corrects is kept for the
 * header's shape, so next month's export of the same bank is read right at once.
 */
import type { Movement } from '../../src-shared/reconcile/match';
import { sha256Hex } from '../image/image-file';
import { rememberedMapping, rememberMapping } from '../db/statement-mappings';
import { addStatement, hasStatementFile } from '../db/statements';
import { retentionHours } from '../db/settings';
import type { ColumnMapping } from '../../src-shared/reconcile/column-roles';
import { readStatement, type ReadStatement } from '../statements/read-statement';
import { headerShape, type RememberedMappings } from '../statements/table';
import type { Core } from './data-folder';
import { reconcileHistory, type VerdictCounts } from './reconciliation';

interface StatementFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a file with the mappings kept and, where the operator corrected the columns, that
 * correction for the header found: returns it with the header's shape the correction is for.
 */
async function readWith(core: Core, file: StatementFile, correction: ColumnMapping | undefined, lenient: boolean): Promise<{ read: ReadStatement; shape: string | null }> {
  const remembered: RememberedMappings = (shape) => rememberedMapping(core.db, shape);
  const read = await readStatement(file.bytes, file.name, { remembered, lenient, ...(correction ? { correction } : {}) });
  return { read, shape: correction && read.table ? headerShape(read.table.header) : null };
}

const PREVIEW_MOVEMENTS = 12;

export interface StatementPreview {
  format: ReadStatement['format'];
  /** Whether a file with these bytes was imported before (importing it again adds nothing). */
  known: boolean;
  movements: number;
  credits: number;
  first: Omit<Movement, 'statementId'>[];
  /** Tables only: the header, the columns and the rows, with what keeps them from being read. */
  table: (Omit<NonNullable<ReadStatement['table']>, 'skipped'> & { skipped: number }) | null;
}

/** What importing the file would give, with `correction` for its columns; stores nothing. */
export async function previewStatement(core: Core, file: StatementFile, correction?: ColumnMapping): Promise<StatementPreview> {
  const { read } = await readWith(core, file, correction, true);
  return {
    format: read.format,
    known: hasStatementFile(core.db, sha256Hex(file.bytes)),
    movements: read.movements.length,
    credits: read.movements.filter((m) => m.direction === 'credit').length,
    first: read.movements.slice(0, PREVIEW_MOVEMENTS).map(({ statementId: _, ...m }) => m),
    table: read.table ? { ...read.table, skipped: read.table.skipped.length } : null,
  };
}

export interface ImportedStatement {
  statementId: number;
  /** False when a file with the same bytes was imported before: nothing was added. */
  added: boolean;
  format: ReadStatement['format'];
  movements: number;
  credits: number;
  verdicts: VerdictCounts;
}

/**
 * Reads and stores a statement file (keeping `correction` for its header's shape), then decides
 * every receipt again. Throws StatementFormatError for a file it cannot read: nothing is stored.
 */
export async function importStatement(core: Core, file: StatementFile, correction?: ColumnMapping): Promise<ImportedStatement> {
  const { read, shape } = await readWith(core, file, correction, false);
  const now = core.now();
  const stored = addStatement(core.db, {
    sha256: sha256Hex(file.bytes),
    fileName: file.name,
    format: read.format,
    importedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + retentionHours(core.db) * 3_600_000).toISOString(),
    movements: read.movements,
  });
  // Kept once the file has read with it: a mapping that reads nothing is never remembered.
  if (shape && correction) rememberMapping(core.db, shape, correction, now.toISOString());
  core.log.write({ event: 'statement-imported', file: file.name, format: read.format, movements: read.movements.length, added: stored.added });
  return {
    statementId: stored.id,
    added: stored.added,
    format: read.format,
    movements: read.movements.length,
    credits: read.movements.filter((m) => m.direction === 'credit').length,
    verdicts: reconcileHistory(core),
  };
}
