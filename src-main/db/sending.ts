/**
 * Drops sent in slices (db/migrations/0007-batch-sends.ts): the files announced, each ticked off
 * when it arrives, the send closed at the end; a send left open and quiet is an interrupted one.
 */
import { createBatch } from './batches';
import type { Db } from './open';

export interface SentFile {
  name: string;
  size: number;
}

export interface InterruptedSend {
  batchId: number;
  startedAt: string;
  expected: number;
  arrived: number;
  files: (SentFile & { arrived: boolean })[];
}

/**
 * A send is taken as interrupted when it is open and nothing arrived for this long (a slice takes
 * a second or two); the window sending it leaves its own out (state/intake-slice.ts).
 */
export const QUIET_MS = 5_000;

/** Creates the batch and announces its files; returns the batch id. */
export function beginSend(db: Db, opts: { label: string; profile: string; files: readonly SentFile[]; now: Date }): number {
  return db.transaction(() => {
    const at = opts.now.toISOString();
    const batchId = createBatch(db, { at: opts.now, label: opts.label, profile: opts.profile });
    db.prepare('INSERT INTO batch_sends (batch_id, started_at, last_at) VALUES (?, ?, ?)').run(batchId, at, at);
    const add = db.prepare('INSERT INTO batch_send_files (batch_id, position, name, size) VALUES (?, ?, ?, ?)');
    opts.files.forEach((f, i) => add.run(batchId, i, f.name, f.size));
    return batchId;
  })();
}

/** Whether the batch is an open send (slices may still be added to it). */
export const isOpenSend = (db: Db, batchId: number) => db.prepare('SELECT 1 FROM batch_sends WHERE batch_id = ? AND ended = 0').get(batchId) !== undefined;

/** Ticks off the files of one slice (the first of each name and size still waiting). */
export function markArrived(db: Db, batchId: number, files: readonly SentFile[], now: Date): void {
  db.transaction(() => {
    const tick = db.prepare(
      `UPDATE batch_send_files SET arrived = 1
       WHERE batch_id = ? AND position = (SELECT position FROM batch_send_files WHERE batch_id = ? AND name = ? AND size = ? AND arrived = 0 ORDER BY position LIMIT 1)`,
    );
    for (const f of files) tick.run(batchId, batchId, f.name, f.size);
    db.prepare('UPDATE batch_sends SET last_at = ? WHERE batch_id = ?').run(now.toISOString(), batchId);
  })();
}

/** Closes a send: all of it arrived, or the operator set the rest aside. */
export const endSend = (db: Db, batchId: number) => db.prepare('UPDATE batch_sends SET ended = 1 WHERE batch_id = ?').run(batchId).changes > 0;

/** Open sends with nothing new for QUIET_MS, oldest first, each with its files. */
export function interruptedSends(db: Db, now: Date): InterruptedSend[] {
  const quietSince = new Date(now.getTime() - QUIET_MS).toISOString();
  const sends = db.prepare('SELECT batch_id AS batchId, started_at AS startedAt FROM batch_sends WHERE ended = 0 AND last_at < ? ORDER BY batch_id').all(quietSince) as { batchId: number; startedAt: string }[];
  const filesOf = db.prepare('SELECT name, size, arrived FROM batch_send_files WHERE batch_id = ? ORDER BY position');
  return sends.map((s) => {
    const files = (filesOf.all(s.batchId) as { name: string; size: number; arrived: number }[]).map((f) => ({ name: f.name, size: f.size, arrived: f.arrived === 1 }));
    return { ...s, expected: files.length, arrived: files.filter((f) => f.arrived).length, files };
  });
}
