import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { openDatabase } from './open';
import { insertReceipt } from './receipts';
import { saveResult } from './results';
import { searchReceipts } from './search';

function history() {
  const db = openDatabase(':memory:').db;
  const add = (i: number, ref: string, phone: string, amount: string) => {
    const id = insertReceipt(db, { sha256: String(i).padStart(64, '0'), originalName: `${i}.png`, ext: 'png', sizeBytes: 1, receivedAt: `2026-11-23T10:0${i}:00.000Z`, expiresAt: 't', metadata: '{}' });
    const f = (value: string) => ({ value, raw: value, confidence: 1, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const } });
    const record: ImageRecord = { file: 'x', sha256: 'x', status: 'ok', metadata: {}, fields: { referencia: f(ref), telefono: f(phone), monto: { ...f(amount), currency: 'VES' } }, dedupe_key: `${ref}|${amount} VES||` };
    saveResult(db, id, record, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    return id;
  };
  const ids = [add(1, '003039965664', '04125318244', '1250.75'), add(2, '48311146148', '04145790392', '104.54'), add(3, '48311146148', '04240000000', '104.54')];
  return { db, ids };
}

describe('searching the history', () => {
  it('finds by reference or phone, whole or by its first digits, newest first', () => {
    const { db, ids } = history();
    expect(searchReceipts(db, { text: '003039965664' }).map((h) => h.id)).toEqual([ids[0]]);
    expect(searchReceipts(db, { text: '4831114' }).map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(searchReceipts(db, { text: '0412-531' }).map((h) => h.id)).toEqual([ids[0]]);
    expect(searchReceipts(db, { text: '+58 414 5790392' }).map((h) => h.id)).toEqual([ids[1]]);
  });

  it('finds an amount typed either way, and filters', () => {
    const { db, ids } = history();
    for (const typed of ['1.250,75', '1250,75', '1250.75', 'Bs 1.250,75']) expect(searchReceipts(db, { text: typed }).map((h) => h.id), typed).toEqual([ids[0]]);
    expect(searchReceipts(db, { text: '104,54', duplicatesOnly: true }).map((h) => h.id)).toEqual([ids[2]]);
    expect(searchReceipts(db, { state: 'done', limit: 2 }).map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(searchReceipts(db, { state: 'done', limit: 2, offset: 2 }).map((h) => h.id)).toEqual([ids[0]]);
    expect(searchReceipts(db, { text: 'juan' })).toEqual([]);
  });
});
