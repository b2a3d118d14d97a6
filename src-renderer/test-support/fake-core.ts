/**
 * A core in memory for component tests: answers the contract's channels the way the real
 * handlers do (same shapes, corrections kept as `corrected`, review status stored), and
 * records every call. The real core behind the real transports is what e2e/ tests.
 */
import type { ReceiptDetail, ReceiptSummary } from '../../src-shared/ipc/contract';
import { err, ok, type Result } from '../../src-shared/ipc/result';
import type { Client } from '../ipc/client';
import shippedRulesJson from '../../assets/extraction-rules.json';

export function receipt(n: number, over: Partial<ReceiptDetail> = {}): ReceiptDetail {
  return {
    sha256: String(n).padStart(64, '0'),
    file: `r${n}.png`,
    state: 'done',
    review: 'pending',
    receivedAt: '2026-11-23T10:00:00.000Z',
    expiresAt: '2026-11-24T10:00:00.000Z',
    pinned: false,
    duplicateOf: null,
    duplicateOfFile: null,
    error: null,
    values: {},
    warnings: [],
    payment: null,
    width: 400,
    height: 800,
    metadata: {},
    fields: {
      monto: { value: '1250.75', raw: '1.250,75 Bs', confidence: 0.97, box: [100, 200, 220, 230], source: { via: 'right', label: 'Monto' }, currency: 'VES' },
      referencia: { value: '123456', raw: '123456', confidence: 0.6, box: [100, 260, 200, 290], source: { via: 'right', label: 'Referencia' } },
    },
    corrected: {},
    lines: [
      {
        text: 'Monto 1.250,75 Bs',
        confidence: 0.97,
        box: [20, 200, 220, 230],
        words: [
          { text: 'Monto', confidence: 0.99, box: [20, 200, 90, 230] },
          { text: '1.250,75', confidence: 0.95, box: [100, 200, 190, 230] },
        ],
      },
    ],
    corrections: [],
    ...over,
  };
}

const summary = (d: ReceiptDetail): ReceiptSummary => {
  const { sha256, file, state, review, receivedAt, expiresAt, pinned, duplicateOf, error, warnings, payment } = d;
  const values = Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, d.corrected[k as keyof typeof d.corrected] ?? f.value]));
  return { sha256, file, state, review, receivedAt, expiresAt, pinned, duplicateOf, error, values, warnings, payment };
};

/**
 * `history`: that many more receipts in the list after the given ones, made up as they are
 * asked for (a 100,000-row history without 100,000 objects).
 */
export function fakeCore(receipts: ReceiptDetail[], { history = 0, databaseProblem = null as string | null } = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const byId = new Map(receipts.map((r) => [r.sha256, structuredClone(r)]));
  const calls: { channel: string; req: Record<string, unknown> }[] = [];
  let rulesText = JSON.stringify(shippedRulesJson, null, 2);
  const answer = (channel: string, req: Record<string, unknown>): Result<unknown> => {
    const r = typeof req.sha256 === 'string' ? byId.get(req.sha256) : undefined;
    switch (channel) {
      case 'receipts:list': {
        // The filters the component tests use; the real search is tested in src-main/db.
        const all = [...byId.values()].filter((d) => (req.review ? d.review === req.review : true) && (typeof req.text === 'string' ? d.file.includes(req.text) : true));
        const offset = Number(req.offset ?? 0);
        const limit = Number(req.limit ?? 50);
        const made = Array.from({ length: Math.max(0, Math.min(offset + limit, all.length + history) - Math.max(offset, all.length)) }, (_, k) => summary(receipt(1_000_000 + Math.max(offset, all.length) + k)));
        const page = [...all.slice(offset, offset + limit).map(summary), ...made];
        return ok({ receipts: page, total: all.length + history, counts: { queued: 0, processing: 0, done: byId.size, failed: 0 } });
      }
      case 'rules:get':
        return ok({ text: rulesText, custom: false, problems: [] });
      case 'receipts:rerun':
        if (!r) return err('NOT_FOUND', 'No receipt');
        r.state = 'queued';
        r.error = null;
        return ok({});
      case 'app:health':
        return ok({ databaseProblem });
      case 'rules:set':
        rulesText = String(req.text);
        return ok({});
      case 'receipts:pin':
        if (!r) return err('NOT_FOUND', 'No receipt');
        r.pinned = req.pinned as boolean;
        return ok({});
      case 'receipts:get':
        return r ? ok(structuredClone(r)) : err('NOT_FOUND', 'No receipt');
      case 'receipts:review':
        if (!r) return err('NOT_FOUND', 'No receipt');
        r.review = req.status as ReceiptDetail['review'];
        return ok({});
      case 'receipts:correct': {
        if (!r) return err('NOT_FOUND', 'No receipt');
        const field = req.field as keyof ReceiptDetail['corrected'];
        // As the real core refuses: a reason as data, a Spanish message for logs.
        if (typeof req.value === 'string' && !/^[\d.,]+$/.test(req.value)) return err('INVALID_VALUE', `«${req.value}» no es un valor válido de este campo.`, { reason: { code: 'not_a_value', typed: req.value } });
        const before = r.corrected[field] ?? r.fields[field]?.value ?? null;
        if (req.value === null) delete r.corrected[field];
        else r.corrected[field] = req.value as string;
        r.corrections.push({ field, oldValue: before, newValue: (req.value as string | null) ?? r.fields[field]?.value ?? null, at: new Date().toISOString() });
        return ok(structuredClone(r));
      }
      default:
        return err('UNKNOWN_CHANNEL', channel);
    }
  };
  const client: Client = {
    invoke: async (channel, req) => {
      calls.push({ channel, req: req as Record<string, unknown> });
      return answer(channel, req as Record<string, unknown>) as never;
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener as (payload: unknown) => void));
      return () => void set.delete(listener as (payload: unknown) => void);
    },
    intakeDropped: () => null,
    imageUrl: (sha) => `/receipt/${sha}`,
  };
  /** An event from the core, as a transport delivers it. */
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { client, calls, receipts: byId, emit };
}
