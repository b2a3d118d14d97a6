/**
 * The OCR worker's protocol: one typed message set, the same whether the worker is an
 * Electron utility process or a Node child process. Both directions are validated, since each
 * side is another process. Jobs are addressed by id; cancel and progress are messages.
 */
import * as z from 'zod';
import { PROFILE_NAMES } from '../../src-shared/ocr/profiles';
import { OCR_STAGES, OcrErrorCodeSchema } from '../../src-shared/ocr/types';
import { ImageRecordSchema } from '../../src-shared/receipt/record';

const Profile = z.enum(PROFILE_NAMES);

export const WorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    modelsDir: z.string(),
    /** Threads each inference may use. */
    intraOpThreads: z.number().int().min(1).max(64),
    /** Profiles whose models are loaded and warmed up before `ready`. */
    warmProfiles: z.array(Profile),
    /** The operator's extraction rules, replacing the defaults when valid; null for the defaults. */
    rulesFile: z.string().nullable(),
  }),
  z.object({
    type: z.literal('run'),
    jobId: z.string().min(1),
    file: z.string().min(1),
    profile: Profile,
    /** The name the file arrived with, for its WhatsApp metadata (stored copies are renamed). */
    name: z.string().optional(),
    /**
     * An image of a data folder's store: its sha256 is known (it names the file) and its name's
     * metadata was recorded at intake, so the worker computes neither again.
     */
    stored: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  }),
  z.object({ type: z.literal('cancel'), jobId: z.string().min(1) }),
  z.object({ type: z.literal('stats') }),
  /** Finish the job in hand, release the models and exit. */
  z.object({ type: z.literal('shutdown') }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

const WorkerStatsSchema = z.object({
  rssBytes: z.number(),
  peakRssBytes: z.number(),
  /** CPU time the worker has used since it started (user + system), for the dashboard's CPU. */
  cpuMicros: z.number(),
  jobsDone: z.number().int(),
});
export type WorkerStats = z.infer<typeof WorkerStatsSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    pid: z.number().int(),
    /** From the init message to ready: manifest, model files, sessions and warm-up. */
    loadMs: z.number(),
    models: z.array(z.object({ id: z.string(), file: z.string(), sha256: z.string() })),
    /** The extraction rules in force, and why the operator's copy was refused, if it was. */
    rules: z.object({ file: z.string(), revision: z.string(), problems: z.array(z.object({ rule: z.string(), path: z.string(), message: z.string() })) }),
  }),
  z.object({ type: z.literal('progress'), jobId: z.string(), stage: z.enum(OCR_STAGES), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('result'), jobId: z.string(), record: ImageRecordSchema }),
  /** A failure outside any image: init (models missing or altered) or a malformed request. */
  z.object({ type: z.literal('error'), jobId: z.string().nullable(), error: z.object({ code: z.union([OcrErrorCodeSchema, z.literal('INIT_FAILED'), z.literal('BAD_REQUEST')]), message: z.string() }) }),
  z.object({ type: z.literal('stats'), stats: WorkerStatsSchema }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** Exhaustiveness check for switches over message types. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
