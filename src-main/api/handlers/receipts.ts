/** The history and the review: list, open, correct, approve or flag, pin, read again. */
import { validateFieldValue } from '../../../src-shared/extract/validate';
import { fieldValues } from '../../db/receipt-views';
import { queueRerun, stateCounts } from '../../db/receipts';
import { correctField, setPinned, setReview } from '../../db/review';
import { searchHistory } from '../../db/search';
import { verdictsOf } from '../../db/statements';
import { loadRules } from '../../extract/rules-file';
import { ApiError } from '../api-error';
import type { AppService } from '../service';
import { receiptDetail, receiptOrThrow, receiptSummary } from './receipt-json';
import type { HandlersOf } from './types';

type ReceiptChannels = 'receipts:list' | 'receipts:get' | 'receipts:correct' | 'receipts:review' | 'receipts:pin' | 'receipts:rerun';

export function receiptHandlers(service: AppService): HandlersOf<ReceiptChannels> {
  const { db } = service.core;
  const updated = (sha256: string) => service.emit('receipt:updated', { sha256 });
  return {
    'receipts:list': async (req) => {
      const { hits, total } = searchHistory(db, req);
      const ids = hits.map((h) => h.id);
      const values = fieldValues(db, ids);
      const payments = verdictsOf(db, ids);
      return { receipts: hits.map((h) => receiptSummary(db, h, h.duplicate_sha, values.get(h.id)!, payments.get(h.id) ?? null)), total, counts: stateCounts(db) };
    },
    'receipts:get': async (req) => receiptDetail(db, receiptOrThrow(db, req.sha256)),
    'receipts:correct': async (req) => {
      const r = receiptOrThrow(db, req.sha256);
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
      updated(r.sha256);
      return receiptDetail(db, receiptOrThrow(db, req.sha256));
    },
    'receipts:review': async (req) => {
      setReview(db, receiptOrThrow(db, req.sha256).id, req.status);
      updated(req.sha256);
      return {};
    },
    'receipts:pin': async (req) => {
      setPinned(db, receiptOrThrow(db, req.sha256).id, req.pinned);
      updated(req.sha256);
      return {};
    },
    'receipts:rerun': async (req) => {
      if (!queueRerun(db, receiptOrThrow(db, req.sha256).id)) throw new ApiError('BUSY', 'This receipt is already waiting or being read');
      service.kick();
      return {};
    },
  };
}
