/** The operator's column mappings for statement tables, by header shape (migration 0011). */
import type { ColumnMapping } from '../../src-shared/reconcile/column-roles';
import type { Db } from './open';

/** Keeps `mapping` for every table whose header has this shape, replacing the one before. */
export function rememberMapping(db: Db, shape: string, mapping: ColumnMapping, at: string): void {
  db.prepare('INSERT INTO statement_mappings (shape, mapping, saved_at) VALUES (?, ?, ?) ON CONFLICT (shape) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at').run(shape, JSON.stringify(mapping), at);
}

/** The mapping kept for a header of this shape, or undefined. */
export function rememberedMapping(db: Db, shape: string): ColumnMapping | undefined {
  const text = db.prepare('SELECT mapping FROM statement_mappings WHERE shape = ?').pluck().get(shape) as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as ColumnMapping);
}
