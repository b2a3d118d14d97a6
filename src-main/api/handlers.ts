/**
 * The handlers of the contract: plain functions of a validated request, over the core service.
 * They import nothing from Electron and know nothing of the transport that called them.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { FieldSourceSchema, Fields } from '../../src-shared/extract/types';
import { INVOKE, type InvokeChannel, type ReceiptDetail, type ReceiptSummary, type Res } from '../../src-shared/ipc/contract';
import { validateFieldValue } from '../../src-shared/extract/validate';
import { ReadWarningSchema, type ReadWarning } from '../../src-shared/receipt/warnings';
import { describeProblems, parseRulesText } from '../../src-shared/extract/rules';
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import { queueRerun, receiptBySha, stateCounts, type ReceiptRow } from '../db/receipts';
import { fieldValues, lastReadingLines, receiptNameById, storedFields } from '../db/receipt-views';
import { correctField, correctionsOf, setPinned, setReview } from '../db/review';
import { countReceipts, searchReceipts } from '../db/search';
import { batchProgress, cancelBatch, pauseBatch, resumeBatch } from '../db/batches';
import { beginSend, endSend, interruptedSends, isOpenSend } from '../db/sending';
import { exportRows } from '../db/export-rows';
import { csvExport, legacyJson } from '../jobs/export';
import type { IntakeItem, IntakeResult } from '../jobs/intake';
import { bucketMinutesFor, metrics, metricsSeries } from '../jobs/metrics';
import { loadRules } from '../extract/rules-file';
import { defaultRulesFile } from '../paths';
import { SettingError, type CoreService } from './service';

/** A failure the caller can act on: becomes `{ok: false, error: {code, message}}`. */
export class ApiError extends Error {
  /** `details`: what the window needs to word the error in its own language. */
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

/** What the window is told of an intake: per file, its receipt, or why it was refused. */
function intakeResponse(result: IntakeResult, nameOf: (item: IntakeItem, index: number) => string): Res<'intake:add'> {
  return {
    batchId: result.batchId,
    items: result.items.map((i, k) => ({ name: nameOf(i, k), ...(i.sha256 ? { sha256: i.sha256 } : {}), ...(i.reused !== undefined ? { reused: i.reused } : {}), ...(i.error ? { error: i.error } : {}) })),
  };
}

export type Handlers = { [C in InvokeChannel]: (req: z.output<(typeof INVOKE)[C]['req']>) => Promise<Res<C>> };

/** A stored warnings column, read defensively: a row written before the column existed is '[]'. */
function storedWarnings(json: string | undefined): ReadWarning[] {
  const parsed = z.array(ReadWarningSchema).safeParse(JSON.parse(json ?? '[]'));
  return parsed.success ? parsed.data : [];
}

export function createHandlers(service: CoreService): Handlers {
  const { db } = service.core;
  const receipt = (sha256: string): ReceiptRow => {
    const row = receiptBySha(db, sha256);
    if (!row) throw new ApiError('NOT_FOUND', `No receipt ${sha256.slice(0, 12)}… in this data folder (it may have expired)`);
    return row;
  };
  const valuesOf = (ids: readonly number[]) => fieldValues(db, ids);
  const summary = (r: ReceiptRow, duplicateSha: string | null, values = valuesOf([r.id]).get(r.id)!): ReceiptSummary => ({
    sha256: r.sha256,
    file: r.original_name,
    state: r.state,
    review: r.review,
    receivedAt: r.received_at,
    expiresAt: r.expires_at,
    pinned: r.pinned === 1,
    duplicateOf: duplicateSha,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    values,
    warnings: storedWarnings(r.warnings),
  });
  const detail = (r: ReceiptRow): ReceiptDetail => {
    const rows = storedFields(db, r.id);
    const fields: Fields = {};
    const corrected: Record<string, string> = {};
    for (const f of rows) {
      if (f.corrected !== null) corrected[f.name] = f.corrected;
      const source = JSON.parse(f.source) as { via: string };
      if (source.via === 'operator') continue;
      fields[f.name as (typeof FIELD_NAMES)[number]] = {
        value: f.value, raw: f.raw, confidence: f.confidence, box: JSON.parse(f.box) as [number, number, number, number], source: source as z.infer<typeof FieldSourceSchema>,
        ...(f.currency ? { currency: f.currency as 'VES' | 'USD' } : {}), ...(f.bank_name ? { name: f.bank_name } : {}), ...(f.note ? { note: f.note } : {}),
      };
    }
    const lines = lastReadingLines(db, r.id);
    const first = r.duplicate_of === null ? undefined : receiptNameById(db, r.duplicate_of);
    return {
      ...summary(r, first?.sha256 ?? null),
      duplicateOfFile: first?.original_name ?? null,
      width: r.width,
      height: r.height,
      metadata: JSON.parse(r.metadata) as ReceiptDetail['metadata'],
      fields,
      corrected,
      lines: lines ? (JSON.parse(lines) as ReceiptDetail['lines']) : [],
      corrections: correctionsOf(db, r.id).map((c) => ({ field: c.field, oldValue: c.old_value, newValue: c.new_value, at: c.at })),
    };
  };

  return {
    'intake:add': async (req) => {
      if (req.batchId !== undefined && !isOpenSend(db, req.batchId)) throw new ApiError('NOT_FOUND', `No open send ${req.batchId}`);
      const result = await service.intake(req.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })), req.profile, req.batchId);
      return intakeResponse(result, (_, k) => req.files[k]!.name);
    },
    'intake:begin': async (req) => ({ batchId: beginSend(db, { label: `dropped ${req.files.length} file(s)`, profile: req.profile ?? service.settings().profile, files: req.files, now: new Date() }) }),
    'intake:end': async (req) => (endSend(db, req.batchId), {}),
    'intake:interrupted': async () => ({ sends: interruptedSends(db, new Date()) }),
    // A dropped folder contributes several items: each is named by its own file.
    'intake:paths': async (req) => intakeResponse(await service.intakePaths(req.paths, req.profile), (i) => path.basename(i.source)),
    'receipts:list': async (req) => {
      const hits = searchReceipts(db, req);
      const values = valuesOf(hits.map((h) => h.id));
      return { receipts: hits.map((h) => summary(h, h.duplicate_sha, values.get(h.id)!)), total: countReceipts(db, req), counts: stateCounts(db) };
    },
    'receipts:get': async (req) => detail(receipt(req.sha256)),
    'receipts:correct': async (req) => {
      const r = receipt(req.sha256);
      // The window checks as the operator types; the core checks again and keeps the canonical value.
      let value = req.value;
      if (value !== null) {
        const check = validateFieldValue(req.field, value, (await loadRules(service.rulesFile)).rules);
        if (!check.ok) throw new ApiError('INVALID_VALUE', check.message, { reason: check.reason });
        value = check.value;
      }
      try {
        correctField(db, r.id, req.field, value, new Date());
      } catch (e) {
        throw new ApiError('NOT_READ', (e as Error).message);
      }
      service.emit('receipt:updated', { sha256: r.sha256 });
      return detail(receipt(req.sha256));
    },
    'receipts:review': async (req) => {
      setReview(db, receipt(req.sha256).id, req.status);
      service.emit('receipt:updated', { sha256: req.sha256 });
      return {};
    },
    'receipts:pin': async (req) => {
      setPinned(db, receipt(req.sha256).id, req.pinned);
      service.emit('receipt:updated', { sha256: req.sha256 });
      return {};
    },
    'receipts:rerun': async (req) => {
      if (!queueRerun(db, receipt(req.sha256).id)) throw new ApiError('BUSY', 'This receipt is already waiting or being read');
      service.kick();
      return {};
    },
    'batches:status': async (req) => ({
      batches: req.batchIds.flatMap((id) => {
        const b = batchProgress(db, id);
        // sum() over no rows is NULL: a batch whose receipts all expired counts zeros.
        return b ? [{ id: b.id, state: b.state, total: b.total, queued: b.queued ?? 0, processing: b.processing ?? 0, done: b.done ?? 0, failed: b.failed ?? 0, cancelled: b.cancelled ?? 0, reused: b.reused ?? 0 }] : [];
      }),
    }),
    'batches:control': async (req) => {
      const changed = req.action === 'pause' ? pauseBatch(db, req.batchId) : req.action === 'resume' ? resumeBatch(db, req.batchId) : cancelBatch(db, req.batchId) > 0;
      if (req.action === 'resume') service.kick();
      return { changed };
    },
    'export:run': async (req) => {
      const rows = exportRows(db, { ...(req.sha256 ? { sha256: req.sha256 } : {}), ...(req.states ? { states: req.states } : {}), ...(req.query ? { query: req.query } : {}) });
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return req.format === 'json'
        ? { fileName: `recibo-${stamp}.json`, mime: 'application/json', text: legacyJson(rows, new Date()) }
        : { fileName: `recibo-${stamp}.csv`, mime: 'text/csv', text: csvExport(rows, req.delimiter ?? ',') };
    },
    'settings:get': async () => ({ ...service.settings(), cores: os.availableParallelism() }),
    'settings:set': async (req) => {
      await service.changeSettings(req).catch(settingError);
      return { ...service.settings(), cores: os.availableParallelism() };
    },
    'settings:pickWatchFolder': async () => {
      const picked = await service.pickWatchFolder().catch(settingError);
      return { picked, settings: { ...service.settings(), cores: os.availableParallelism() } };
    },
    'rules:get': async () => {
      // The operator's copy, even an invalid one (it is what they wrote: given back to fix, with
      // its problems); the shipped defaults when there is none.
      const own = service.rulesFile ? await readFile(service.rulesFile, 'utf8').catch(() => null) : null;
      if (own === null) return { text: await readFile(defaultRulesFile(), 'utf8'), custom: false, problems: [] };
      const parsed = parseRulesText(own);
      return { text: own, custom: true, problems: parsed.ok ? [] : parsed.problems };
    },
    'rules:set': async (req) => {
      const file = service.rulesFile;
      if (!file) throw new ApiError('READ_ONLY', 'This core was started with the shipped rules only');
      const parsed = parseRulesText(req.text);
      if (!parsed.ok) throw new ApiError('INVALID_RULES', describeProblems(parsed.problems));
      // Written beside, then renamed: a crash leaves the old rules or the new, never half.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, req.text, { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, file);
      return {};
    },
    'app:health': async () => ({ databaseProblem: service.databaseProblem }),
    'metrics:get': async (req) => {
      const now = new Date();
      const windowMinutes = req.windowMinutes ?? 60;
      const bucketMinutes = bucketMinutesFor(windowMinutes);
      const stored = metricsSeries(db, now, windowMinutes, bucketMinutes);
      const resources = service.resources.buckets(Date.parse(stored[0]!.at), bucketMinutes, stored.length);
      const series = stored.map((b, i) => ({ ...b, ...resources[i]! }));
      return { ...metrics(db, now, windowMinutes), bucketMinutes, workerRestarts: series.reduce((n, b) => n + b.restarts, 0), series };
    },
  };
}

function settingError(e: Error): never {
  throw e instanceof SettingError ? new ApiError(e.code, e.message) : e;
}
