/**
 * `receipt-ocr reconcile --data-dir DIR [--json] [--credit-days N] [statements...]`: keeps the
 * days a credit may come late (if given), imports the statement files given (each once: the same
 * bytes again add nothing), decides every read receipt against the movements kept, and prints
 * each decision with the movement behind it, then the credits no receipt proves. A file that
 * cannot be read is said and skipped; the exit status is then 1.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { reconciliationDetails, unclaimedCredits } from '../db/statements';
import { reconcileHistory, type VerdictCounts } from '../core/reconciliation';
import { importStatement } from '../core/statement-import';
import type { Core } from '../core/data-folder';
import { writeSettings } from '../core/settings';
import { StatementFormatError } from '../statements/table';
import { MAX_STATEMENT_BYTES } from '../statements/read-statement';
import type { ReconcileCommand } from './args';

export async function reconcileCommand(cmd: ReconcileCommand, core: Core): Promise<number> {
  if (cmd.creditDays !== null) writeSettings(core.db, { creditDays: cmd.creditDays });
  let failed = false;
  const imported: { file: string; added: boolean; format: string; movements: number; credits: number }[] = [];
  for (const file of cmd.inputs) {
    try {
      const size = (await stat(file)).size;
      // Checked before reading: a file far too large is not read into memory to be refused.
      if (size > MAX_STATEMENT_BYTES) throw new StatementFormatError({ code: 'too_large', mb: Number((size / 1048576).toFixed(1)), maxMb: MAX_STATEMENT_BYTES / 1048576 });
      const r = await importStatement(core, { name: path.basename(file), bytes: await readFile(file) });
      imported.push({ file, added: r.added, format: r.format, movements: r.movements, credits: r.credits });
      if (!cmd.json) process.stderr.write(`${path.basename(file)}: ${r.format}, ${r.movements} movements (${r.credits} credits)${r.added ? '' : ', already imported: nothing added'}\n`);
    } catch (e) {
      failed = true;
      const reason = e instanceof StatementFormatError ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (e as Error).message;
      process.stderr.write(`receipt-ocr: ${file}: ${reason}\n`);
    }
  }
  const counts: VerdictCounts = reconcileHistory(core);
  const decisions = reconciliationDetails(core.db);
  const unclaimed = unclaimedCredits(core.db);
  if (cmd.json) process.stdout.write(`${JSON.stringify({ imported, counts: { ...counts, credits_without_receipt: unclaimed.length }, receipts: decisions, creditsWithoutReceipt: unclaimed })}\n`);
  else {
    process.stdout.write(`verified ${counts.verified}, amount mismatch ${counts.amount_mismatch}, not found ${counts.not_found}, duplicate claim ${counts.duplicate_claim}, credits without receipt ${unclaimed.length}\n`);
    for (const d of decisions) {
      const m = d.movement ? ` ← ${d.movement.file} line ${d.movement.line}: ${d.movement.date} ${d.movement.amount} ref ${d.movement.reference || '-'}` : '';
      process.stdout.write(`${d.verdict.padEnd(16)} ${d.sha256.slice(0, 12)} ${d.file}${m}\n`);
    }
    for (const c of unclaimed) process.stdout.write(`${'no receipt'.padEnd(16)} ${c.file} line ${c.line}: ${c.date} ${c.amount} ref ${c.reference || '-'}\n`);
  }
  return failed ? 1 : 0;
}
