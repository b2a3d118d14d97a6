/**
 * Cancelling a batch means "not now": its unread receipts become `cancelled`, a state of their
 * own, no longer `failed` with an error code. The state column's CHECK gains the value.
 *
 * SQLite cannot alter a CHECK constraint. Its documented way for a change that no stored row
 * can violate (a constraint loosened) is to edit the table's definition in the schema, bump the
 * schema version, and check the file (https://sqlite.org/lang_altertable.html, "making other
 * kinds of table schema changes"); copying the table instead would cascade deletes through the
 * foreign keys into every reading. Receipts cancelled before are moved to the new state.
 */
import type { Db } from '../open';

const BEFORE = "CHECK (state IN ('queued', 'processing', 'done', 'failed'))";
const AFTER = "CHECK (state IN ('queued', 'processing', 'done', 'failed', 'cancelled'))";

export function migration0006(db: Db): void {
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    const changed = db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'receipts' AND instr(sql, ?) > 0").run(BEFORE, AFTER, BEFORE).changes;
    if (changed !== 1) throw new Error('migration 6: the receipts table does not have the expected state constraint');
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  db.exec(`UPDATE receipts SET state = 'cancelled', error_code = NULL, error_message = NULL, settled_at = NULL WHERE state = 'failed' AND error_code = 'CANCELLED'`);
}
