/**
 * Statements, their movements and the reconciliation decisions (migration 0010): a file stored
 * once by its sha256, the claims receipts make (their reference, amount and date as corrected),
 * and the decisions written all at once, replacing the previous ones, in one transaction.
 */
import type { Claim, Decision, Movement } from '../../src-shared/reconcile/match';
import type { Db } from './open';

/**
 * Stores a statement and its movements, unless a file with these bytes is already stored:
 * returns its id and whether it is new (the same file imported twice adds nothing).
 */
export function addStatement(db: Db, s: { sha256: string; fileName: string; format: string; importedAt: string; expiresAt: string; movements: readonly Movement[] }): { id: number; added: boolean } {
  return db.transaction(() => {
    const known = db.prepare('SELECT id FROM statements WHERE sha256 = ?').pluck().get(s.sha256) as number | undefined;
    if (known !== undefined) return { id: known, added: false };
    const id = Number(db.prepare('INSERT INTO statements (sha256, file_name, format, imported_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.sha256, s.fileName, s.format, s.importedAt, s.expiresAt).lastInsertRowid);
    const insert = db.prepare('INSERT INTO movements (statement_id, line, date, reference, description, amount, direction) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const m of s.movements) insert.run(id, m.line, m.date, m.reference, m.description, m.amount, m.direction);
    return { id, added: true };
  })();
}

/** Every movement of the statements kept, each named by its statement's id and its line. */
export function storedMovements(db: Db): (Movement & { id: number })[] {
  const rows = db.prepare('SELECT id, statement_id, line, date, reference, description, amount, direction FROM movements ORDER BY statement_id, line').all() as {
    id: number; statement_id: number; line: number; date: string; reference: string; description: string; amount: string; direction: 'credit' | 'debit';
  }[];
  return rows.map(({ statement_id, ...m }) => ({ ...m, statementId: String(statement_id) }));
}

/**
 * What each read receipt claims, oldest first (the first of two receipts claiming one movement
 * keeps it): its reference, amount and date, as the operator corrected them, and the day it came.
 */
export function storedClaims(db: Db): Claim[] {
  const value = (name: string) => `(SELECT coalesce(corrected, value) FROM fields WHERE receipt_id = r.id AND name = '${name}')`;
  const rows = db.prepare(`SELECT r.id, ${value('referencia')} AS reference, ${value('monto')} AS amount, ${value('fecha')} AS date, r.received_at FROM receipts r WHERE r.state = 'done' ORDER BY r.received_at, r.id`).all() as {
    id: number; reference: string | null; amount: string | null; date: string | null; received_at: string;
  }[];
  return rows.map((r) => ({ receiptId: r.id, reference: r.reference || null, amount: r.amount || null, date: r.date || null, receivedOn: r.received_at.slice(0, 10) }));
}

/** Replaces every decision with these, in one transaction; `movementIds` maps a decision's movement to its row. */
export function replaceReconciliations(db: Db, decisions: readonly Decision[], movementId: (m: Movement) => number | null, at: string): void {
  const insert = db.prepare('INSERT INTO reconciliations (receipt_id, verdict, movement_id, why, decided_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM reconciliations').run();
    for (const d of decisions) insert.run(d.receiptId, d.verdict, d.movement ? movementId(d.movement) : null, JSON.stringify(d.why), at);
  })();
}

/** Statements past their time go, with their movements (decisions keep no movement then). */
export const deleteExpiredStatements = (db: Db, asOfIso: string) => db.prepare('DELETE FROM statements WHERE expires_at <= ?').run(asOfIso).changes;

/** Each decided receipt with its decision and the movement behind it, for the CLI and the window. */
export function reconciliationDetails(db: Db) {
  const rows = db
    .prepare(
      `SELECT r.sha256, r.original_name AS file, c.verdict, c.why, m.line, m.date, m.amount, m.reference, s.file_name
       FROM reconciliations c JOIN receipts r ON r.id = c.receipt_id
       LEFT JOIN movements m ON m.id = c.movement_id LEFT JOIN statements s ON s.id = m.statement_id
       ORDER BY r.received_at, r.id`,
    )
    .all() as { sha256: string; file: string; verdict: Decision['verdict']; why: string; line: number | null; date: string | null; amount: string | null; reference: string | null; file_name: string | null }[];
  return rows.map((r) => ({
    sha256: r.sha256,
    file: r.file,
    verdict: r.verdict,
    why: JSON.parse(r.why) as Decision['why'],
    movement: r.line === null ? null : { file: r.file_name!, line: r.line, date: r.date!, amount: r.amount!, reference: r.reference! },
  }));
}

/** What the statements show of a receipt's payment, as `status --json` and the exports give it. */
export interface ReceiptReconciliation {
  status: Decision['verdict'];
  /** The statement file and line of the movement behind the verdict; null for not_found. */
  statement: string | null;
  line: number | null;
  movement: { date: string; reference: string; amount: string } | null;
}

/** Every decided receipt's reconciliation, by its sha256. */
export function reconciliationsBySha(db: Db): Map<string, ReceiptReconciliation> {
  return new Map(
    reconciliationDetails(db).map((d) => [
      d.sha256,
      { status: d.verdict, statement: d.movement?.file ?? null, line: d.movement?.line ?? null, movement: d.movement ? { date: d.movement.date, reference: d.movement.reference, amount: d.movement.amount } : null },
    ]),
  );
}

/** Whether a statement file with these bytes is kept. */
export const hasStatementFile = (db: Db, sha256: string) => db.prepare('SELECT 1 FROM statements WHERE sha256 = ?').get(sha256) !== undefined;

/** Whether any statement is kept (no statement: nothing to decide receipts against). */
export const hasStatements = (db: Db) => db.prepare('SELECT 1 FROM statements LIMIT 1').get() !== undefined;

/** A receipt's decision, or undefined when it has none. */
export const reconciliationOf = (db: Db, receiptId: number) =>
  db.prepare('SELECT verdict, why FROM reconciliations WHERE receipt_id = ?').get(receiptId) as { verdict: Decision['verdict']; why: string } | undefined;

/** The statements kept, newest first, with their movements and credits counted. */
export const statementsKept = (db: Db) =>
  (db
    .prepare(
      `SELECT s.file_name AS file, s.format, s.imported_at AS importedAt, count(m.id) AS movements, coalesce(sum(m.direction = 'credit'), 0) AS credits
       FROM statements s LEFT JOIN movements m ON m.statement_id = s.id GROUP BY s.id ORDER BY s.imported_at DESC, s.id DESC`,
    )
    .all() as { file: string; format: string; importedAt: string; movements: number; credits: number }[]);

/** Credits no receipt is verified by: money that arrived with no proof sent (or not read yet). */
export const unclaimedCredits = (db: Db) =>
  db
    .prepare(
      `SELECT s.file_name AS file, m.line, m.date, m.reference, m.description, m.amount FROM movements m JOIN statements s ON s.id = m.statement_id
       WHERE m.direction = 'credit' AND NOT EXISTS (SELECT 1 FROM reconciliations c WHERE c.movement_id = m.id AND c.verdict = 'verified')
       ORDER BY m.date DESC, s.id, m.line`,
    )
    .all() as { file: string; line: number; date: string; reference: string; description: string; amount: string }[];

/** The verdicts on these receipts, by receipt id (receipts without one are absent). */
export function verdictsOf(db: Db, ids: readonly number[]): Map<number, Decision['verdict']> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`SELECT receipt_id, verdict FROM reconciliations WHERE receipt_id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { receipt_id: number; verdict: Decision['verdict'] }[];
  return new Map(rows.map((r) => [r.receipt_id, r.verdict]));
}
