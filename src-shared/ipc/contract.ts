/**
 * The one contract between the window and the core. Every channel is `domain:verb` with a zod
 * schema for its request and its response; events carry a schema too. The preload's allowlist,
 * main's handler map, the WebSocket host and the renderer's client are all derived from these
 * two maps: nothing restates them.
 */
import * as z from 'zod';
import { FieldsSchema } from '../extract/types';
import { WhatsappMetadataSchema } from '../extract/whatsapp';
import { LineSchema } from '../ocr/types';
import { PROFILE_NAMES } from '../ocr/profiles';
import { FIELD_NAMES } from '../receipt/fields';
import { ReadWarningSchema } from '../receipt/warnings';
import { StatementFileSchema, StatementPreviewSchema } from './statement-schemas';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');
const State = z.enum(['queued', 'processing', 'done', 'failed', 'cancelled']);
const Review = z.enum(['pending', 'approved', 'flagged']);
const Empty = z.object({}).strict();

const ReceiptSummarySchema = z.object({
  sha256: Sha256,
  file: z.string(),
  state: State,
  review: Review,
  receivedAt: z.string(),
  expiresAt: z.string(),
  pinned: z.boolean(),
  duplicateOf: Sha256.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Field values, the operator's corrections applied. */
  values: z.partialRecord(z.enum(FIELD_NAMES), z.string()),
  /** What the last reading could not vouch for: the reason it is in the review queue's first places. */
  warnings: z.array(ReadWarningSchema),
  /** Whether the bank statements kept show its payment; null while no statement is kept or it was not read. */
  payment: z.enum(['verified', 'amount_mismatch', 'not_found', 'duplicate_claim']).nullable(),
});
export type ReceiptSummary = z.infer<typeof ReceiptSummarySchema>;

const ReceiptDetailSchema = ReceiptSummarySchema.extend({
  /** The file name of the receipt this one may duplicate (for the banner that links to it). */
  duplicateOfFile: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  metadata: z.union([WhatsappMetadataSchema, z.object({}).strict()]),
  /** Fields as read, with boxes; `corrected` is the operator's value where there is one. */
  fields: FieldsSchema,
  corrected: z.partialRecord(z.enum(FIELD_NAMES), z.string()),
  lines: z.array(LineSchema),
  corrections: z.array(z.object({ field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), at: z.string() })),
});
export type ReceiptDetail = z.infer<typeof ReceiptDetailSchema>;

/** One bucket of the dashboard's charts; CPU in percent of one core, memory in MB, null where not sampled. */
const MetricsBucketSchema = z.object({
  at: z.string(),
  receipts: z.number(),
  errors: z.number(),
  duplicates: z.number(),
  latencyP50: z.number().nullable(),
  latencyP95: z.number().nullable(),
  restarts: z.number(),
  mainCpuPct: z.number().nullable(),
  mainRssMb: z.number().nullable(),
  workersCpuPct: z.number().nullable(),
  workersRssMb: z.number().nullable(),
});
export type MetricsBucket = z.infer<typeof MetricsBucketSchema>;

const IntakeFile = z.object({
  name: z.string().min(1).max(255),
  /** The file's bytes, base64 (the same on every transport). At most 16 MB of image. */
  base64: z.string().max(Math.ceil((16 * 1024 * 1024 * 4) / 3) + 4),
});

/** A file of a drop, as the window announces it before sending it. */
const SentFile = z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) });

/** A file dropped from the operator's file manager, as Electron resolves it: absolute, local. */
const AbsolutePath = z.string().max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute path');

const SettingsSchema = z.object({
  retentionHours: z.number(),
  profile: z.enum(PROFILE_NAMES),
  /** A folder whose new images are read as they arrive (moved to processed/ or failed/ after). */
  watchFolder: z.string().nullable(),
  /** OCR worker processes and inference threads each; null: chosen from the cores. */
  workers: z.number().nullable(),
  threadsPerWorker: z.number().nullable(),
  /** Days after a receipt's date its credit may be booked in the statement. */
  creditDays: z.number(),
  /** This machine's cores; the pool in force; what "automatic" (null) resolves to on it. */
  cores: z.number(),
  effective: z.object({ workers: z.number(), threadsPerWorker: z.number() }),
  automatic: z.object({ workers: z.number(), threadsPerWorker: z.number() }),
  /** The watched folder could not be watched (missing, not a folder...): why. */
  watchProblem: z.string().nullable(),
  /** This host can show the system's folder picker (Electron); the browser host cannot. */
  canPickFolder: z.boolean(),
});

const IntakeResponse = z.object({
  batchId: z.number().int(),
  /** One per file taken in, in order (a dropped folder contributes the images inside it). */
  items: z.array(z.object({ name: z.string(), sha256: Sha256.optional(), reused: z.boolean().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
});

/** What the history shows: a search and filters, as the list and the export both take them. */
const HistoryFilter = z
  .object({
    /** A reference, phone or amount (whole or its first digits), or part of a name. */
    text: z.string().max(100).optional(),
    state: State.optional(),
    review: Review.optional(),
    duplicatesOnly: z.boolean().optional(),
    /** Only receipts the bank statements kept do not verify (amount differs, not found, claimed twice). */
    unverified: z.boolean().optional(),
    /** A 4-digit bank code, paying or paid. */
    bank: z.string().regex(/^\d{4}$/).optional(),
    receivedFrom: z.iso.datetime().optional(),
    receivedBefore: z.iso.datetime().optional(),
  })
  .strict();

export const INVOKE = {
  /** Dropped files as bytes: the browser, or Electron for files with no path (pasted images). */
  'intake:add': {
    /** `batchId`: a slice of a send begun with `intake:begin`. */
    req: z.object({ files: z.array(IntakeFile).min(1).max(500), profile: z.enum(PROFILE_NAMES).optional(), batchId: z.number().int().optional() }).strict(),
    res: IntakeResponse,
  },
  /** A drop about to be sent in slices: its files, so that an interrupted send can say what is missing. */
  'intake:begin': {
    req: z.object({ files: z.array(SentFile).min(1).max(100_000), profile: z.enum(PROFILE_NAMES).optional() }).strict(),
    res: z.object({ batchId: z.number().int() }),
  },
  /** The send is complete, or the operator sets its missing files aside. */
  'intake:end': { req: z.object({ batchId: z.number().int() }).strict(), res: Empty },
  /** Sends left open and quiet (the window closed or the connection lost half-way), with their files. */
  'intake:interrupted': {
    req: Empty,
    res: z.object({ sends: z.array(z.object({ batchId: z.number().int(), startedAt: z.string(), expected: z.number(), arrived: z.number(), files: z.array(SentFile.extend({ arrived: z.boolean() })) })) }),
  },
  /** Dropped files by path (Electron's preload resolves them); folders expand to their images. */
  'intake:paths': {
    req: z.object({ paths: z.array(AbsolutePath).min(1).max(5000), profile: z.enum(PROFILE_NAMES).optional() }).strict(),
    res: IntakeResponse,
  },
  'receipts:list': {
    /** `sort`: newest batch first with its files in natural order (default), or by name. */
    req: HistoryFilter.extend({ sort: z.enum(['newest', 'name', 'name-desc']).optional(), limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }).strict(),
    res: z.object({
      receipts: z.array(ReceiptSummarySchema),
      /** How many receipts the query matches in all (the page is `limit` of them from `offset`). */
      total: z.number().int(),
      counts: z.object({ queued: z.number(), processing: z.number(), done: z.number(), failed: z.number(), cancelled: z.number() }),
    }),
  },
  'receipts:get': { req: z.object({ sha256: Sha256 }).strict(), res: ReceiptDetailSchema },
  'receipts:correct': {
    req: z.object({ sha256: Sha256, field: z.enum(FIELD_NAMES), value: z.string().max(500).nullable() }).strict(),
    res: ReceiptDetailSchema,
  },
  'receipts:review': { req: z.object({ sha256: Sha256, status: Review }).strict(), res: Empty },
  'receipts:pin': { req: z.object({ sha256: Sha256, pinned: z.boolean() }).strict(), res: Empty },
  'receipts:rerun': { req: z.object({ sha256: Sha256 }).strict(), res: Empty },
  /** Progress of the batches this window dropped, for its progress bar. */
  'batches:status': {
    req: z.object({ batchIds: z.array(z.number().int()).max(1000) }).strict(),
    res: z.object({
      batches: z.array(z.object({ id: z.number().int(), state: z.enum(['running', 'paused', 'cancelled']), total: z.number(), queued: z.number(), processing: z.number(), done: z.number(), failed: z.number(), cancelled: z.number(), reused: z.number() })),
    }),
  },
  'batches:control': { req: z.object({ batchId: z.number().int(), action: z.enum(['pause', 'resume', 'cancel']) }).strict(), res: z.object({ changed: z.boolean() }) },
  'export:run': {
    /** Every receipt, or those selected (`sha256`), or those of a state, or those the history's filter shows (`query`). */
    req: z.object({ format: z.enum(['json', 'csv']), delimiter: z.enum([',', ';']).optional(), sha256: z.array(Sha256).max(10_000).optional(), states: z.array(State).optional(), query: HistoryFilter.optional() }).strict(),
    res: z.object({ fileName: z.string(), mime: z.string(), text: z.string() }),
  },
  'settings:get': { req: Empty, res: SettingsSchema },
  /** Changes the keys given; the OCR ones (profile, workers, threads) restart the workers' pool. */
  'settings:set': {
    req: z
      .object({
        retentionHours: z.number().positive().max(24 * 365),
        profile: z.enum(PROFILE_NAMES),
        /** Only null (stop watching): a folder is chosen with `settings:pickWatchFolder`. */
        watchFolder: z.null(),
        workers: z.number().int().min(1).max(64).nullable(),
        threadsPerWorker: z.number().int().min(1).max(64).nullable(),
        creditDays: z.number().int().min(0).max(15),
      })
      .partial()
      .strict(),
    res: SettingsSchema,
  },
  /**
   * Shows the system's folder picker and watches the folder the operator chose there: the page
   * never names a path. `picked` is false when the operator closed the picker.
   */
  'settings:pickWatchFolder': { req: Empty, res: z.object({ picked: z.boolean(), settings: SettingsSchema }) },
  /** The extraction rules in force, as text to edit: the operator's copy, or the shipped defaults. */
  'rules:get': {
    req: Empty,
    res: z.object({ text: z.string(), custom: z.boolean(), problems: z.array(z.object({ rule: z.string(), path: z.string(), message: z.string() })) }),
  },
  /** Saves the operator's rules (checked again here); readings from the next batch on use them. */
  'rules:set': { req: z.object({ text: z.string().max(1024 * 1024) }).strict(), res: Empty },
  /** Whether the history can be trusted: a failed integrity check since the app started, or null. */
  'app:health': { req: Empty, res: z.object({ databaseProblem: z.string().nullable() }) },
  /**
   * What a statement file would give, before it is imported: its format, the columns found (or
   * `mapping`, the operator's correction), the first rows and movements, and what is wrong.
   */
  'statements:preview': { req: StatementFileSchema, res: StatementPreviewSchema },
  /**
   * A bank statement file: stored once, then every receipt decided against the statements kept.
   * A `mapping` is kept for the header's shape and used for that bank's next files.
   */
  'statements:import': {
    req: StatementFileSchema,
    res: z.object({
      added: z.boolean(),
      format: z.string(),
      movements: z.number(),
      credits: z.number(),
      verdicts: z.object({ verified: z.number(), amount_mismatch: z.number(), not_found: z.number(), duplicate_claim: z.number() }),
    }),
  },
  /** The statements kept, and the credits in them no receipt proves (money that arrived with no proof sent). */
  'statements:list': {
    req: Empty,
    res: z.object({
      statements: z.array(z.object({ file: z.string(), format: z.string(), importedAt: z.string(), movements: z.number(), credits: z.number() })),
      unclaimedCredits: z.array(z.object({ file: z.string(), line: z.number(), date: z.string(), reference: z.string(), description: z.string(), amount: z.string() })),
    }),
  },
  /** The dashboard: the window's figures, and the same in buckets over time for the charts. */
  'metrics:get': {
    req: z.object({ windowMinutes: z.number().int().min(1).max(7 * 24 * 60).optional() }).strict(),
    res: z.object({
      windowMinutes: z.number(),
      bucketMinutes: z.number(),
      readings: z.number(),
      latencyMs: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
      receiptsPerMinute: z.number(),
      errorRate: z.number().nullable(),
      duplicateRate: z.number().nullable(),
      cacheHitRate: z.number().nullable(),
      /** OCR workers restarted after a crash or a time limit in the window (since the app started). */
      workerRestarts: z.number(),
      series: z.array(MetricsBucketSchema),
    }),
  },
} as const;

export const EVENTS = {
  'job:progress': z.object({ sha256: Sha256, state: State, attempt: z.number(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
  'job:done': z.object({ sha256: Sha256, totalMs: z.number() }),
  'job:failed': z.object({ sha256: Sha256, error: z.object({ code: z.string(), message: z.string() }) }),
  'receipt:updated': z.object({ sha256: Sha256 }),
  'duplicate:found': z.object({ sha256: Sha256, duplicateOf: Sha256 }),
  'retention:swept': z.object({ receipts: z.number(), images: z.number() }),
  'worker:restarted': z.object({ reason: z.string() }),
  /** The background integrity check (after an unclean shutdown) found damage. */
  'database:damaged': z.object({ reason: z.string() }),
  /** A statement arrived or receipts were decided again: every receipt's payment chip may have changed. */
  'statements:changed': z.object({}),
} as const;

export type InvokeChannel = keyof typeof INVOKE;
export type EventChannel = keyof typeof EVENTS;
export type Req<C extends InvokeChannel> = z.input<(typeof INVOKE)[C]['req']>;
export type Res<C extends InvokeChannel> = z.infer<(typeof INVOKE)[C]['res']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof EVENTS)[E]>;


export { isInvokeChannel, isWindowChannel } from './channels';
