import Database from 'better-sqlite3';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { useTempDir } from '../test-support/temp-dir';
import { MIGRATIONS } from './migrations';
import { DamagedDatabaseError, DatabaseTooNewError, migrate, openDatabase, type Db } from './open';
import { claimNext, insertReceipt, queueRerun, receiptById, requeueInterrupted, stateCounts } from './receipts';
import { saveResult } from './results';

const tmp = useTempDir();
const memory = () => openDatabase(':memory:').db;
const run = { profile: 'balanced', models: [{ id: 'det', sha256: 'ab' }], rulesRevision: 'r1', finishedAt: '2026-11-23T10:00:00.000Z' };

let n = 0;
function receipt(db: Db, extra: Partial<{ received: string }> = {}): number {
  n++;
  return insertReceipt(db, {
    sha256: n.toString(16).padStart(64, '0'), originalName: `r${n}.png`, ext: 'png', sizeBytes: 100,
    receivedAt: extra.received ?? '2026-11-23T09:00:00.000Z', expiresAt: '2026-11-24T09:00:00.000Z', metadata: '{}',
  });
}

function record(ref: string, amount = '10.00'): ImageRecord {
  const field = (value: string) => ({ value, raw: value, confidence: 0.9, box: [0, 0, 10, 10] as [number, number, number, number], source: { via: 'inline' as const } });
  return {
    file: 'x.png', sha256: 'x', status: 'ok', image: { width: 720, height: 1600 },
    timings_ms: { decode: 1, detect: 2, recognize: 3, layout: 0, extract: 1, total: 7 }, text: `Ref ${ref}`, lines: [],
    fields: { referencia: field(ref), monto: { ...field(amount), currency: 'VES' } }, metadata: {}, dedupe_key: `${ref}|${amount} VES||`,
  };
}

describe('migrations', () => {
  it('bring an empty database to the latest version, with STRICT tables and foreign keys on', () => {
    const db = memory();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Ordinary tables (not the full-text index nor its shadow tables, which SQLite defines).
    const tables = db.prepare("SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list t ON t.name = m.name AND t.schema = 'main' WHERE t.type = 'table' AND m.name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['batch_items', 'batch_send_files', 'batch_sends', 'batches', 'corrections', 'fields', 'movements', 'ocr_runs', 'receipts', 'reconciliations', 'settings', 'statement_mappings', 'statements', 'sweeps']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\) STRICT$/);
    // STRICT means a wrong type is refused, not stored.
    expect(() => db.prepare("INSERT INTO receipts (sha256, original_name, ext, size_bytes, received_at, expires_at) VALUES ('s', 'n', 'png', 'big', 't', 't')").run()).toThrow(
      /cannot store TEXT value in INTEGER column receipts.size_bytes/,
    );
  });

  it.each(MIGRATIONS.map((_, i) => i + 1))('migration %i applies on top of the ones before it, in one transaction', (version) => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, version - 1));
    migrate(db, MIGRATIONS.slice(0, version));
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  });

  it('migration 6 makes cancelled receipts a state of their own, on a file, keeping every reading', () => {
    const file = path.join(tmp.path, 'before-6.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 5));
    // Written as a version-5 Recibo wrote them (no later columns).
    const add = (n: number) => Number(old.prepare("INSERT INTO receipts (sha256, original_name, ext, size_bytes, received_at, expires_at, metadata) VALUES (?, ?, 'png', 1, 't', 't', '{}')").run(`m6-${n}`.padEnd(64, '0'), `m6-${n}.png`).lastInsertRowid);
    const cancelled = add(1);
    const read = add(2);
    saveResult(old, read, record('123'), run);
    old.prepare("UPDATE receipts SET state = 'failed', error_code = 'CANCELLED', error_message = 'Cancelled by the operator before it was read' WHERE id = ?").run(cancelled);
    expect(() => old.prepare("UPDATE receipts SET state = 'cancelled' WHERE id = ?").run(read)).toThrow(/CHECK constraint/);
    old.close();

    const db = openDatabase(file).db;
    expect(receiptById(db, cancelled)).toMatchObject({ state: 'cancelled', error_code: null, error_message: null });
    expect(receiptById(db, read)).toMatchObject({ state: 'done' });
    expect(db.prepare('SELECT count(*) FROM fields WHERE receipt_id = ?').pluck().get(read)).toBeGreaterThan(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.prepare("UPDATE receipts SET state = 'lost' WHERE id = ?").run(read)).toThrow(/CHECK constraint/);
    db.close();
  });

  it('leaves nothing behind when a migration fails half-way', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ['CREATE TABLE a (x TEXT) STRICT; CREATE TABLE broken (']) ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer Recibo', () => {
    const file = path.join(tmp.path, 'newer.db');
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer Recibo \(schema \d+; this version knows up to \d+\)/);
  });

  it.each([
    ['garbage', async (file: string) => writeFile(file, Buffer.alloc(8192, 7))],
    ['truncated', async (file: string) => writeFile(file, (await readFile(file)).subarray(0, 1500))],
  ])('refuses a %s database as damaged and leaves the file as it was', async (kind, damage) => {
    const file = path.join(tmp.path, `${kind}.db`);
    const first = openDatabase(file).db;
    receipt(first);
    first.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    await damage(file);
    const before = await readFile(file);
    expect(() => openDatabase(file)).toThrow(DamagedDatabaseError);
    expect(() => openDatabase(file)).toThrow(/SQLITE_(NOTADB|CORRUPT)|malformed|quick_check|Page/i);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

describe('the queue', () => {
  it('hands out queued receipts oldest first, once each, and takes back interrupted ones', () => {
    const db = memory();
    const a = receipt(db);
    const b = receipt(db);
    expect(claimNext(db)?.id).toBe(a);
    expect(claimNext(db)?.id).toBe(b);
    expect(claimNext(db)).toBeUndefined();
    expect(stateCounts(db)).toMatchObject({ processing: 2 });
    expect(requeueInterrupted(db)).toBe(2);
    expect(claimNext(db)).toMatchObject({ id: a, attempts: 2 });
  });

  it('keeps the receipts of a paused batch queued', () => {
    const db = memory();
    const a = receipt(db);
    const batch = Number(db.prepare("INSERT INTO batches (created_at, label, profile, state) VALUES ('t', 'b', 'balanced', 'paused')").run().lastInsertRowid);
    db.prepare("INSERT INTO batch_items (batch_id, receipt_id, source_path) VALUES (?, ?, 'x')").run(batch, a);
    expect(claimNext(db)).toBeUndefined();
    db.prepare("UPDATE batches SET state = 'running'").run();
    expect(claimNext(db)?.id).toBe(a);
  });
});

describe('results', () => {
  it('stores the run and fields in one go, and links a second receipt of the same payment to the first', () => {
    const db = memory();
    const first = receipt(db);
    const second = receipt(db);
    expect(saveResult(db, second, record('123'), run).duplicateOf).toBeNull();
    // Taken in first, read second: it is the payment, and the one read before becomes its repeat.
    expect(saveResult(db, first, record('123'), run).duplicateOf).toBeNull();
    expect(receiptById(db, first)).toMatchObject({ state: 'done', duplicate_of: null, width: 720, dedupe_key: '123|10.00 VES||' });
    expect(receiptById(db, second)).toMatchObject({ duplicate_of: first });
    expect(db.prepare('SELECT name, value FROM fields WHERE receipt_id = ? ORDER BY name').all(first)).toEqual([{ name: 'monto', value: '10.00' }, { name: 'referencia', value: '123' }]);
  });

  it('re-reads a receipt on request, keeping the operator corrections and unlinking a payment it no longer matches', () => {
    const db = memory();
    const first = receipt(db);
    const second = receipt(db);
    saveResult(db, first, record('123'), run);
    expect(saveResult(db, second, record('123'), run).duplicateOf).toBe(receiptById(db, first)!.sha256);
    db.prepare("UPDATE fields SET corrected = '20.00' WHERE receipt_id = ? AND name = 'monto'").run(first);
    expect(queueRerun(db, first)).toBe(true);
    expect(claimNext(db)?.id).toBe(first);
    saveResult(db, first, record('999'), run);
    expect(db.prepare('SELECT count(*) AS n FROM ocr_runs WHERE receipt_id = ?').get(first)).toEqual({ n: 2 });
    expect(db.prepare("SELECT corrected FROM fields WHERE receipt_id = ? AND name = 'monto'").get(first)).toEqual({ corrected: '20.00' });
    expect(receiptById(db, second)).toMatchObject({ duplicate_of: null });
  });
});
