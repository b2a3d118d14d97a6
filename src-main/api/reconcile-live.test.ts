/**
 * The app decides a receipt again when it changes: an amount read wrong is a mismatch against
 * the bank's credit; corrected by the operator, the same receipt is verified; a wider window for
 * credits in the settings decides the receipts again at once. Real worker.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/ipc/result';
import { reconciliationOf } from '../db/statements';
import { receiptBySha } from '../db/receipts';
import { importStatement } from '../core/statement-import';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { AppService } from './service';

const tmp = useTempDir();
let service: AppService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

const until = async (done: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !done(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('reconciliation in the app', () => {
  it('decides a receipt again when the operator corrects it', async () => {
    service = new AppService({ dataDir: path.join(tmp.path, 'data'), modelsDir: defaultModelsDir(), workers: 1, reconcileDelayMs: 50 });
    const handlers = createHandlers(service);
    const [item] = (await service.intake([{ name: 'r001-bdv-light.png', bytes: await readFile(path.join(FIXTURES, 'r001-bdv-light.png')) }])).items;
    await service.idle();
    const receipt = receiptBySha(service.core.db, item!.sha256!)!;
    const detail = (await dispatch(handlers, 'receipts:get', { sha256: receipt.sha256 })) as Result<{ fields: Record<string, { value: string }> }>;
    if (!detail.ok) throw new Error(detail.error.message);
    const { referencia, fecha } = { referencia: detail.value.fields.referencia!.value, fecha: detail.value.fields.fecha!.value };
    const [y, m, d] = fecha.split('-');
    // The bank credited 1,00 more than the receipt was read to say.
    const statement = `Fecha;Referencia;Monto\r\n${d}/${m}/${y};${referencia};9.999,99\r\n`;
    expect((await importStatement(service.core, { name: 'estado.csv', bytes: new TextEncoder().encode(statement) })).verdicts).toEqual({ verified: 0, amount_mismatch: 1, not_found: 0, duplicate_claim: 0 });
    const corrected = await dispatch(handlers, 'receipts:correct', { sha256: receipt.sha256, field: 'monto', value: '9999.99' });
    expect(corrected.ok).toBe(true);
    await until(() => reconciliationOf(service!.core.db, receipt.id)?.verdict === 'verified');
    expect(JSON.parse(reconciliationOf(service.core.db, receipt.id)!.why)).toMatchObject({ reference: 'whole', amount: 'exact' });

    // A second statement books another payment of this reference 5 days later: outside the
    // 3 days allowed by default, inside once the operator allows 5 (decided again at once).
    const later = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 5)).toISOString().slice(0, 10).split('-').reverse().join('/');
    await importStatement(service.core, { name: 'estado-2.csv', bytes: new TextEncoder().encode(`Fecha;Referencia;Monto\r\n${later};${referencia};9.999,99\r\n`) });
    const copy = (await service.intake([{ name: 'copia.jpg', bytes: await sharp(path.join(FIXTURES, 'r001-bdv-light.png')).jpeg().toBuffer() }])).items[0]!;
    await service.idle();
    const second = receiptBySha(service.core.db, copy.sha256!)!;
    await dispatch(handlers, 'receipts:correct', { sha256: second.sha256, field: 'monto', value: '9999.99' });
    await until(() => reconciliationOf(service!.core.db, second.id)?.verdict === 'duplicate_claim');
    expect(await dispatch(handlers, 'settings:set', { creditDays: 5 })).toMatchObject({ ok: true, value: { creditDays: 5 } });
    expect(reconciliationOf(service.core.db, second.id)?.verdict).toBe('verified');
    expect(await dispatch(handlers, 'settings:set', { creditDays: 16 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
