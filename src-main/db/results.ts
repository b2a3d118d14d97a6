/**
 * Writing a reading: the run, its fields and the receipt's new state land in one transaction,
 * so a crash leaves either the whole result or none of it. A new reading replaces the fields
 * of the previous one but keeps the operator's corrections of fields it reads again.
 */
import type { ImageRecord } from '../../src-shared/receipt/record';
import type { Db } from './open';

export interface RunInfo {
  profile: string;
  models: readonly { id: string; sha256: string }[];
  rulesRevision: string;
  finishedAt: string;
}

/**
 * Links every receipt with this payment key to the first one taken in (the lowest id), and the
 * first one to none: the first is the payment, the others its possible duplicates.
 */
function relinkDuplicates(db: Db, key: string): void {
  db.prepare(
    `UPDATE receipts SET duplicate_of = NULLIF((SELECT min(id) FROM receipts WHERE dedupe_key = @key), id)
     WHERE dedupe_key = @key`,
  ).run({ key });
}

export interface SavedResult {
  runId: number;
  /** The sha256 of the receipt first taken in with this payment key, when this one may repeat it. */
  duplicateOf: string | null;
}

export function saveResult(db: Db, receiptId: number, record: ImageRecord, run: RunInfo): SavedResult {
  return db.transaction(() => {
    const runId = Number(
      db
        .prepare('INSERT INTO ocr_runs (receipt_id, profile, models, rules_revision, finished_at, timings, text, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(receiptId, run.profile, JSON.stringify(run.models), run.rulesRevision, run.finishedAt, JSON.stringify(record.timings_ms ?? {}), record.text ?? '', JSON.stringify(record.lines ?? []))
        .lastInsertRowid,
    );
    const corrected = new Map(
      (db.prepare('SELECT name, corrected FROM fields WHERE receipt_id = ? AND corrected IS NOT NULL').all(receiptId) as { name: string; corrected: string }[]).map((r) => [r.name, r.corrected]),
    );
    db.prepare('DELETE FROM fields WHERE receipt_id = ?').run(receiptId);
    const insert = db.prepare(
      'INSERT INTO fields (receipt_id, run_id, name, value, raw, confidence, box, source, currency, bank_name, note, corrected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const [name, f] of Object.entries(record.fields)) {
      insert.run(receiptId, runId, name, f.value, f.raw, f.confidence, JSON.stringify(f.box), JSON.stringify(f.source), f.currency ?? null, f.name ?? null, f.note ?? null, corrected.get(name) ?? null);
    }
    const key = record.dedupe_key ?? null;
    const warnings = record.warnings ?? [];
    const previousKey = (db.prepare('SELECT dedupe_key FROM receipts WHERE id = ?').get(receiptId) as { dedupe_key: string | null }).dedupe_key;
    db.prepare(
      // The WhatsApp metadata stays as intake recorded it from the original name.
      // A reading with warnings needs the operator's eyes, whatever an earlier reading's review was.
      `UPDATE receipts SET state = 'done', error_code = NULL, error_message = NULL, width = ?, height = ?, dedupe_key = ?, duplicate_of = NULL, settled_at = ?,
         warnings = ?, review = CASE WHEN ? THEN 'pending' ELSE review END WHERE id = ?`,
    ).run(record.image?.width ?? null, record.image?.height ?? null, key, run.finishedAt, JSON.stringify(warnings), warnings.length > 0 ? 1 : 0, receiptId);
    // A new reading may move the receipt from one payment to another: both groups are relinked.
    if (previousKey && previousKey !== key) relinkDuplicates(db, previousKey);
    if (key) relinkDuplicates(db, key);
    const first = db.prepare('SELECT d.sha256 FROM receipts r JOIN receipts d ON d.id = r.duplicate_of WHERE r.id = ?').pluck().get(receiptId) as string | undefined;
    return { runId, duplicateOf: first ?? null };
  })();
}
