/**
 * The OCR result as every consumer sees it (CLI output, worker protocol, storage, renderer).
 * Schemas are the single definition: types are inferred from them, and the same schemas
 * validate whatever crosses a process boundary.
 * All coordinates are pixels of the original image after EXIF orientation is applied.
 */
import * as z from 'zod';

/** Axis-aligned box: [x0, y0, x1, y1], x0 <= x1, y0 <= y1. */
export const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof BoxSchema>;

export interface Point {
  x: number;
  y: number;
}

/** A rotated rectangle as four corners in reading order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

const WordSchema = z.object({
  text: z.string(),
  /** Mean of the recogniser's per-character probabilities, 0..1. */
  confidence: z.number().min(0).max(1),
  box: BoxSchema,
});
export type Word = z.infer<typeof WordSchema>;

/** One visual row of the page, in reading order. */
export const LineSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
  box: BoxSchema,
  words: z.array(WordSchema),
});
export type Line = z.infer<typeof LineSchema>;

export const OCR_ERROR_CODES = [
  'NOT_FOUND',
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_IMAGE',
  'TOO_LARGE',
  'TOO_SMALL',
  'CANCELLED',
  'WORKER_CRASHED',
  'WORKER_START',
  /** The image could not be written to the data folder (disk full, permissions). */
  'STORE_FAILED',
  'INTERNAL',
] as const;
export const OcrErrorCodeSchema = z.enum(OCR_ERROR_CODES);
export type OcrErrorCode = z.infer<typeof OcrErrorCodeSchema>;

/** The stages of a reading, in order: progress names them, and each has its time in a record. */
export const OCR_STAGES = ['decode', 'detect', 'recognize', 'layout', 'extract'] as const;
export type OcrStage = (typeof OCR_STAGES)[number];

// Spelled out for the schema's type, and held to OCR_STAGES: a stage added to one and not the other does not compile.
const stageMs = { decode: z.number(), detect: z.number(), recognize: z.number(), layout: z.number(), extract: z.number() } satisfies Record<OcrStage, z.ZodNumber>;
export const StageTimingsSchema = z.object({ ...stageMs, total: z.number() });
export type StageTimings = z.infer<typeof StageTimingsSchema>;
