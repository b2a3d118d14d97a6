/**
 * npm run bench:history (also part of npm run bench): a history of 100,000 stored receipts, and
 * how long the window's lookups take on it: a search by any part of a reference, phone,
 * cédula, concept or name, by amount, and filtered pages of 50, each with the count of all it
 * matches (what one receipts:list answers). Targets: each under 50 ms; searches by any part
 * under 20 ms at the median. Synthetic rows in a
 * real SQLite file, written with the same queries the app uses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { databaseMiB, historyWriter } from '../src-main/db/fixtures';
import { openDatabase } from '../src-main/db/open';
import { insertReceipt } from '../src-main/db/receipts';
import { searchHistory, type SearchQuery } from '../src-main/db/search';
import { percentile } from './metrics';

const box = JSON.stringify([10, 20, 110, 40]);
const source = JSON.stringify({ via: 'inline' });

export interface HistoryFigures {
  receipts: number;
  buildMs: number;
  fileMiB: number;
  queries: Record<string, { p50Ms: number; maxMs: number; hits: number }>;
}

export async function historyBench(n = 100_000): Promise<HistoryFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'recibo-history-'));
  try {
    const file = path.join(dir, 'recibo.db');
    const { db } = openDatabase(file);
    // mulberry32: reproducible, and random enough that sample values are rare in the history.
    let seed = 12345;
    const rnd = (m: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * m);
    };
    const t0 = performance.now();
    const write = historyWriter(db);
    const samples: { ref: string; phone: string; amount: string; cedula: string } = { ref: '', phone: '', amount: '', cedula: '' };
    const first = ['Ana', 'Luis', 'María', 'José', 'Carmen', 'Jesús', 'Rosa', 'Pedro', 'Yelitza', 'Daniel'];
    const last = ['Pérez', 'Gómez', 'Rodríguez', 'Hernández', 'Rivas', 'Marcano', 'Salazar', 'Quintero', 'Mendoza', 'Briceño'];
    const banks = ['0102', '0105', '0108', '0134', '0172', '0191'];
    write.inOneTransaction(() => {
      for (let i = 0; i < n; i++) {
        const at = new Date(Date.UTC(2026, 10, 1) + i * 25_000).toISOString();
        const sender = first[rnd(first.length)]!;
        const id = insertReceipt(db, { sha256: i.toString(16).padStart(64, '0'), originalName: `20261101-A--${rnd(1e9)}@lid_${sender}_${i % 24}-00.jpg`, ext: 'jpeg', sizeBytes: 80_000, receivedAt: at, expiresAt: at, metadata: '{}' });
        const runId = write.reading(id, at, 200 + rnd(200));
        const ref = String(rnd(1e9)).padStart(12, '0');
        const phone = `04${['12', '14', '16', '24', '26', '22'][rnd(6)]}${String(rnd(1e7)).padStart(7, '0')}`;
        const amount = `${rnd(50_000)}.${String(rnd(100)).padStart(2, '0')}`;
        const cedula = `V-${rnd(3e7)}`;
        for (const [name, value] of [['referencia', ref], ['telefono', phone], ['monto', amount], ['fecha', at.slice(0, 10)], ['banco_origen', banks[rnd(banks.length)]!], ['banco_destino', '0105'], ['beneficiario', `${first[rnd(10)]} ${last[rnd(10)]}`], ['cedula', cedula], ['concepto', `Pago rifa ${rnd(1e5)}`], ['tipo_transaccion', 'pago_movil']] as const) {
          write.field({ receiptId: id, runId, name, value, box, source });
        }
        write.settled({ id, state: rnd(50) === 0 ? 'failed' : 'done', review: ['pending', 'approved', 'flagged'][rnd(3)]!, dedupeKey: `${ref}|${amount} VES|${at.slice(0, 10)}|0105`, duplicateOf: rnd(100) === 0 && id > 1 ? id - 1 : null, at });
        if (i === Math.floor(n / 2)) Object.assign(samples, { ref, phone, amount, cedula });
      }
    });
    write.optimize();
    const buildMs = performance.now() - t0;
    const fileMiB = databaseMiB(db);

    const queries: Record<string, SearchQuery> = {
      'reference (whole)': { text: samples.ref },
      'reference (first 6 digits)': { text: samples.ref.slice(0, 6) },
      'reference (last 6 digits)': { text: samples.ref.slice(-6) },
      'phone': { text: samples.phone },
      'phone (last 7 digits)': { text: samples.phone.slice(-7) },
      'cédula (digits only)': { text: samples.cedula.slice(2) },
      'concept (a word and a number)': { text: 'rifa 4242', limit: 50 },
      'amount (typed 1.234,56)': { text: samples.amount.replace('.', ',') },
      'page of 50: done, pending review': { state: 'done', review: 'pending', limit: 50, offset: 500 },
      'page of 50: possible duplicates': { duplicatesOnly: true, limit: 50 },
      'name (part of the payee or sender)': { text: 'quinter', limit: 50 },
      'page of 50: bank 0134, one day': { bank: '0134', receivedFrom: '2026-11-10T00:00:00.000Z', receivedBefore: '2026-11-11T00:00:00.000Z', limit: 50 },
      'last page of 50 of everything': { limit: 50, offset: n - 50 },
      'page of 50 by name (middle)': { sort: 'name', limit: 50, offset: n / 2 },
    };
    const figures: HistoryFigures['queries'] = {};
    for (const [label, q] of Object.entries(queries)) {
      const times: number[] = [];
      let hits = 0;
      for (let k = 0; k < 25; k++) {
        const t = performance.now();
        // What the window's list asks for: a page and the number of matches.
        hits = searchHistory(db, q).total;
        times.push(performance.now() - t);
      }
      figures[label] = { p50Ms: percentile(times, 50), maxMs: Math.max(...times), hits };
    }
    db.close();
    return { receipts: n, buildMs, fileMiB, queries: figures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function printHistory(h: HistoryFigures): void {
  console.log(`\nhistory of ${h.receipts.toLocaleString('en')} receipts (${h.fileMiB.toFixed(0)} MiB, built in ${(h.buildMs / 1000).toFixed(1)} s); target: every lookup under 50 ms`);
  for (const [label, q] of Object.entries(h.queries)) console.log(`  ${label.padEnd(34)} p50 ${q.p50Ms.toFixed(2)} ms, max ${q.maxMs.toFixed(2)} ms, ${q.hits} matches${q.maxMs < 50 ? '' : '  <- over 50 ms'}`);
}

if (process.argv[1]?.endsWith('history.js')) {
  historyBench().then(printHistory, (e: Error) => {
    console.error(`bench:history: ${e.message}`);
    process.exit(1);
  });
}
