import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { openDatabase } from './open';
import { insertReceipt } from './receipts';
import { saveResult } from './results';
import { countReceipts, searchHistory, searchReceipts } from './search';
import { addStatement, replaceReconciliations } from './statements';

function history() {
  const db = openDatabase(':memory:').db;
  const add = (i: number, ref: string, phone: string, amount: string, payee: string, bank: string, fileName = `${i}.png`) => {
    const id = insertReceipt(db, { sha256: String(i).padStart(64, '0'), originalName: fileName, ext: 'png', sizeBytes: 1, receivedAt: `2026-11-23T10:0${i}:00.000Z`, expiresAt: 't', metadata: '{}' });
    const f = (value: string) => ({ value, raw: value, confidence: 1, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const } });
    const record: ImageRecord = { file: 'x', sha256: 'x', status: 'ok', metadata: {}, fields: { referencia: f(ref), telefono: f(phone), monto: { ...f(amount), currency: 'VES' }, beneficiario: f(payee), banco_origen: f(bank) }, dedupe_key: `${ref}|${amount} VES||` };
    saveResult(db, id, record, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    return id;
  };
  const ids = [
    add(1, '003039965664', '04125318244', '1250.75', 'Inversiones El Sol', '0102'),
    add(2, '48311146148', '04145790392', '104.54', 'Ana Pérez', '0134', '20261123-A--123@lid_Juan_10-02.png'),
    add(3, '48311146148', '04240000000', '104.54', 'Ana Pérez', '0105'),
  ];
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
    expect(searchReceipts(db, { text: 'pedro' })).toEqual([]);
  });

  it('finds a name: the payee, or the sender in the WhatsApp file name, case aside', () => {
    const { db, ids } = history();
    expect(searchReceipts(db, { text: 'el sol' }).map((h) => h.id)).toEqual([ids[0]]);
    expect(searchReceipts(db, { text: 'Ana P' }).map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(searchReceipts(db, { text: 'juan' }).map((h) => h.id)).toEqual([ids[1]]);
    // LIKE's wildcards typed by the operator are letters, not patterns.
    expect(searchReceipts(db, { text: 'a%a' })).toEqual([]);
  });

  it('filters by bank and by the time received, and counts what a query matches', () => {
    const { db, ids } = history();
    expect(searchReceipts(db, { bank: '0134' }).map((h) => h.id)).toEqual([ids[1]]);
    expect(searchReceipts(db, { receivedFrom: '2026-11-23T10:02:00.000Z', receivedBefore: '2026-11-23T10:03:00.000Z' }).map((h) => h.id)).toEqual([ids[1]]);
    expect(countReceipts(db, {})).toBe(3);
    expect(countReceipts(db, { text: '104.54', limit: 1 })).toBe(2);
    expect(countReceipts(db, { text: '104.54', bank: '0105' })).toBe(1);
    expect(countReceipts(db, { text: '??' })).toBe(0);
  });
});

describe('the search index', () => {
  it('follows corrections, re-reads and deletions of the payee', () => {
    const { db, ids } = history();
    const found = (text: string) => searchReceipts(db, { text }).map((h) => h.id);
    expect(found('rodriguez')).toEqual([]);
    db.prepare("UPDATE fields SET corrected = 'Inversiones Rodríguez' WHERE receipt_id = ? AND name = 'beneficiario'").run(ids[0]);
    expect(found('rodriguez')).toEqual([ids[0]]);
    expect(found('el sol')).toEqual([]);
    db.prepare("DELETE FROM fields WHERE receipt_id = ? AND name = 'beneficiario'").run(ids[0]);
    expect(found('rodriguez')).toEqual([]);
    db.prepare('DELETE FROM receipts WHERE id = ?').run(ids[1]);
    expect(found('juan')).toEqual([]);
    // Receipt 1: file name, reference, phone (its payee deleted); receipt 3: those and its payee.
    expect(db.prepare('SELECT count(*) AS n FROM receipt_search').get()).toEqual({ n: 7 });
  });
});

describe('search by any part', () => {
  it('finds the last digits of a reference, the end of a phone, a cédula without its separators and words of the concept', () => {
    const { db, ids } = history();
    const found = (text: string) => searchReceipts(db, { text }).map((h) => h.id);
    const f = (value: string) => ({ value, raw: value, confidence: 1, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const } });
    saveResult(db, ids[0]!, { file: 'x', sha256: 'x', status: 'ok', metadata: {}, fields: { referencia: f('003039965664'), cedula: f('V-12.345.678'), concepto: f('Pago de la rifa Navidad') } }, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    // "The last 6 digits", as payers and banks say it.
    expect(found('965664')).toEqual([ids[0]]);
    expect(found('146148')).toEqual([ids[2], ids[1]]);
    // The end of a phone.
    expect(found('790392')).toEqual([ids[1]]);
    // A cédula typed with or without its letter and separators.
    for (const typed of ['12345678', 'V-12345678', 'V12.345.678', '345.678']) expect(found(typed), typed).toEqual([ids[0]]);
    // Words of the concept, accents and case aside.
    expect(found('navidad')).toEqual([ids[0]]);
    expect(found('RIFA')).toEqual([ids[0]]);
    // A correction is found, and what it replaced no longer is.
    db.prepare("UPDATE fields SET corrected = '003039777777' WHERE receipt_id = ? AND name = 'referencia'").run(ids[0]);
    expect(found('777777')).toEqual([ids[0]]);
    expect(found('965664')).toEqual([]);
  });
});

describe('the review queue', () => {
  it('stores a reading\'s warnings, marks it for review and puts it first among the pending', () => {
    const { db, ids } = history();
    db.prepare("UPDATE receipts SET review = 'approved' WHERE id = ?").run(ids[0]);
    const record: ImageRecord = { file: 'x', sha256: 'x', status: 'ok', metadata: {}, fields: {}, warnings: [{ code: 'nothing_read', message: 'No text was read' }], dedupe_key: null };
    saveResult(db, ids[0]!, record, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    const first = searchReceipts(db, { review: 'pending' });
    expect(first.map((h) => h.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(first[0]!.review).toBe('pending');
    expect(JSON.parse(first[0]!.warnings)).toEqual([{ code: 'nothing_read', message: 'No text was read' }]);
    // Outside the queue the history stays newest first.
    expect(searchReceipts(db, {}).map((h) => h.id)).toEqual([ids[2], ids[1], ids[0]]);
  });
});

describe('the list’s order', () => {
  it('newest batch first, its files in natural order; or the whole history by name', () => {
    const db = openDatabase(':memory:').db;
    const add = (name: string, at: string) => insertReceipt(db, { sha256: name.padEnd(64, '0'), originalName: name, ext: 'jpg', sizeBytes: 1, receivedAt: at, expiresAt: 't', metadata: '{}' });
    // An older batch, then a newer one whose files were taken in as text sorts them.
    add('a_2.jpg', '2026-12-07T09:00:00.000Z');
    add('a_10.jpg', '2026-12-07T09:00:00.000Z');
    for (const name of ['whatsapp_229.jpg', 'whatsapp_23.jpg', 'whatsapp_230.jpg', 'whatsapp_233.jpg', 'whatsapp_3.jpg']) add(name, '2026-12-07T10:00:00.000Z');
    const files = (sort?: 'newest' | 'name' | 'name-desc') => searchReceipts(db, { ...(sort ? { sort } : {}) }).map((h) => h.original_name);
    expect(files()).toEqual(['whatsapp_3.jpg', 'whatsapp_23.jpg', 'whatsapp_229.jpg', 'whatsapp_230.jpg', 'whatsapp_233.jpg', 'a_2.jpg', 'a_10.jpg']);
    expect(files('name')).toEqual(['a_2.jpg', 'a_10.jpg', 'whatsapp_3.jpg', 'whatsapp_23.jpg', 'whatsapp_229.jpg', 'whatsapp_230.jpg', 'whatsapp_233.jpg']);
    expect(files('name-desc')).toEqual([...files('name')].reverse());
    // Pages follow the same order.
    expect(searchReceipts(db, { limit: 2, offset: 2 }).map((h) => h.original_name)).toEqual(['whatsapp_229.jpg', 'whatsapp_230.jpg']);
  });

  it('gives the same pages and count when the text matches thousands of receipts as when it matches a few', () => {
    const db = openDatabase(':memory:').db;
    // 2,600 files from senders named Quintero or Salas, every third a Quintero, over 26 batches.
    const quinteros: number[] = [];
    for (let i = 0; i < 7_800; i++) {
      const sender = i % 3 === 0 ? 'Quintero' : 'Salas';
      const at = new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 300) * 3_600_000).toISOString();
      const id = insertReceipt(db, { sha256: i.toString(16).padStart(64, '0'), originalName: `20261101-A--${i}@lid_${sender}_${i % 24}-00.jpg`, ext: 'jpeg', sizeBytes: 1, receivedAt: at, expiresAt: at, metadata: '{}' });
      if (sender === 'Quintero') quinteros.push(id);
    }
    // One of them read, its payee a Quintero too: it matches twice and counts once.
    const f = (value: string) => ({ value, raw: value, confidence: 1, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const } });
    saveResult(db, quinteros[0]!, { file: 'x', sha256: 'x', status: 'ok', metadata: {}, fields: { beneficiario: f('Luis Quintero') } }, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    // Newest batch first, its files in natural order (the history's default): here, by number.
    const byNewest = (ids: number[]) => ids.slice().sort((a, b) => Math.floor((b - 1) / 300) - Math.floor((a - 1) / 300) || a - b);
    const expected = byNewest(quinteros);
    expect(quinteros.length).toBeGreaterThan(2_000);
    const first = searchHistory(db, { text: 'quinter', limit: 50 });
    expect(first.total).toBe(quinteros.length);
    expect(first.hits.map((h) => h.id)).toEqual(expected.slice(0, 50));
    expect(searchReceipts(db, { text: 'quinter', limit: 50, offset: 1_500 }).map((h) => h.id)).toEqual(expected.slice(1_500, 1_550));
    // With another filter on top, and with few matches (one sender's files), the same answers.
    expect(countReceipts(db, { text: 'quinter', receivedFrom: '2026-11-02T00:00:00.000Z' })).toBe(quinteros.filter((id) => Math.floor((id - 1) / 300) >= 24).length);
    expect(searchReceipts(db, { text: '--3@lid_Quintero' }).map((h) => h.id)).toEqual([quinteros[1]]);
  });

  it('keeps to the receipts the bank statements do not verify, when asked', () => {
    const { db, ids } = history();
    addStatement(db, { sha256: 'a'.repeat(64), fileName: 'e.csv', format: 'delimited', importedAt: 't', expiresAt: 'z', movements: [] });
    const decided = (receiptId: number, verdict: 'verified' | 'not_found' | 'amount_mismatch') => ({ receiptId, verdict, movement: null, why: { reference: null, daysLater: null, amount: null } });
    replaceReconciliations(db, [decided(ids[0]!, 'verified'), decided(ids[1]!, 'not_found'), decided(ids[2]!, 'amount_mismatch')], () => null, 't');
    expect(searchReceipts(db, { unverified: true }).map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(countReceipts(db, { unverified: true, text: 'Ana P' })).toBe(2);
    expect(countReceipts(db, { unverified: true, text: 'el sol' })).toBe(0);
  });
});
