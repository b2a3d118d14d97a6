/** Files arriving: dropped bytes (sent in slices), dropped paths, and the sends a crash interrupted. */
import path from 'node:path';
import type { Res } from '../../../src-shared/ipc/contract';
import { batchProgress, cancelBatch, pauseBatch, resumeBatch } from '../../db/batches';
import { beginSend, endSend, interruptedSends, isOpenSend } from '../../db/sending';
import type { IntakeItem, IntakeResult } from '../../core/intake';
import { ApiError } from '../api-error';
import type { AppService } from '../service';
import type { HandlersOf } from './types';

type IntakeChannels = 'intake:add' | 'intake:begin' | 'intake:end' | 'intake:interrupted' | 'intake:paths' | 'batches:status' | 'batches:control';

/** What the window is told of an intake: per file, its receipt, or why it was refused. */
function intakeResponse(result: IntakeResult, nameOf: (item: IntakeItem, index: number) => string): Res<'intake:add'> {
  return {
    batchId: result.batchId,
    items: result.items.map((i, k) => ({ name: nameOf(i, k), ...(i.sha256 ? { sha256: i.sha256 } : {}), ...(i.reused !== undefined ? { reused: i.reused } : {}), ...(i.error ? { error: i.error } : {}) })),
  };
}

export function intakeHandlers(service: AppService): HandlersOf<IntakeChannels> {
  const { db } = service.core;
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
  };
}
