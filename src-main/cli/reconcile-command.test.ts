/**
 * `receipt-ocr reconcile` end to end: a receipt read by `ingest`, a statement written in a
 * bank's wording, the decision with the movement behind it (in status --json and both exports);
 * the same file again adds nothing.
 */
import { parse } from 'csv-parse/sync';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-support/datasets';
import { runCli } from '../test-support/cli';
import { useTempDir } from '../test-support/temp-dir';

const tmp = useTempDir();

const cli = (...args: string[]) => runCli(args, { cwd: tmp.path });

interface Reconciled {
  imported: { added: boolean; format: string; movements: number; credits: number }[];
  counts: Record<string, number>;
  receipts: { file: string; verdict: string; why: { reference: string | null; amount: string | null }; movement: { line: number } | null }[];
}

describe('receipt-ocr reconcile', () => {
  it('verifies a read receipt by its reference\'s last digits and amount in a statement, once per file', async () => {
    const dataDir = path.join(tmp.path, 'data');
    expect((await cli('ingest', '--data-dir', dataDir, path.join(FIXTURES, 'r001-bdv-light.png'))).code).toBe(0);
    const status = JSON.parse((await cli('status', '--data-dir', dataDir, '--json')).stdout) as { receipts: { fields: Record<string, string> }[] };
    const { referencia, monto, fecha } = status.receipts[0]!.fields as { referencia: string; monto: string; fecha: string };
    const [y, m, d] = fecha.split('-');
    const next = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 1)).toISOString().slice(0, 10).split('-').reverse().join('/');
    const comma = (amount: string) => amount.replace('.', ',');
    // A statement as a bank exports it: the payment by its last 6 digits the next day, a fee, and
    // a credit of the same amount under another reference (which must not verify anything).
    const statement = path.join(tmp.path, 'estado.csv');
    await writeFile(statement, [
      'Fecha;Referencia;Descripción;Débito;Crédito;Saldo',
      `${d}/${m}/${y};000000;SALDO INICIAL;;;100,00`,
      `${next};${referencia.slice(-6)};PAGO MOVIL RECIBIDO;;${comma(monto)};1.000,00`,
      `${d}/${m}/${y};99887766;COMISION;1,50;;998,50`,
      `${d}/${m}/${y};55443322;PAGO MOVIL RECIBIDO;;${comma(monto)};1.500,00`,
    ].join('\r\n'));
    const first = await cli('reconcile', '--data-dir', dataDir, '--json', statement);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as Reconciled;
    expect(result.imported).toEqual([expect.objectContaining({ added: true, format: 'delimited', movements: 3, credits: 2 })]);
    expect(result.counts).toEqual({ verified: 1, amount_mismatch: 0, not_found: 0, duplicate_claim: 0, credits_without_receipt: 1 });
    expect(result.receipts).toEqual([expect.objectContaining({ verdict: 'verified', why: expect.objectContaining({ reference: 'last-digits', amount: 'exact' }), movement: expect.objectContaining({ line: 3 }) })]);

    // status --json and both exports carry the decision and the statement line behind it.
    const decided = JSON.parse((await cli('status', '--data-dir', dataDir, '--json')).stdout) as { receipts: { reconciliation: unknown }[] };
    const proof = { status: 'verified', statement: 'estado.csv', line: 3, movement: { date: next.split('/').reverse().join('-'), reference: referencia.slice(-6), amount: monto } };
    expect(decided.receipts[0]!.reconciliation).toEqual(proof);
    const json = JSON.parse((await cli('export', '--data-dir', dataDir, '--format', 'json')).stdout) as { resultados: { conciliacion: unknown }[] };
    expect(json.resultados[0]!.conciliacion).toEqual(proof);
    const [head, row] = parse((await cli('export', '--data-dir', dataDir, '--format', 'csv')).stdout, { bom: true }) as string[][];
    expect([row![head!.indexOf('payment_status')], row![head!.indexOf('statement')], row![head!.indexOf('statement_line')]]).toEqual(['verified', 'estado.csv', '3']);

    // The same file again adds nothing; an unreadable one is said, and the rest still printed.
    const bad = path.join(tmp.path, 'notas.txt');
    await writeFile(bad, 'nada que ver\n');
    const again = await cli('reconcile', '--data-dir', dataDir, statement, bad);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already imported: nothing added');
    expect(again.stderr).toMatch(/notas\.txt: No row among the first 30 names a date column/);
    expect(again.stdout).toMatch(/^verified 1, amount mismatch 0, not found 0, duplicate claim 0, credits without receipt 1\n/);
    expect(again.stdout).toMatch(/no receipt\s+estado\.csv line 5: \d{4}-\d{2}-\d{2} [\d.]+ ref 55443322/);
    expect(again.stdout).toMatch(/verified\s+\w{12} r001-bdv-light\.png ← estado\.csv line 3/);
  });
});
