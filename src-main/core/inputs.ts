/**
 * Command-line inputs to a list of files. Folders expand to the images inside (recursively,
 * sorted with numbers in natural order); paths that do not exist are kept, so that their
 * record says NOT_FOUND instead of the file silently disappearing from the output. The other
 * files a folder holds (a PDF, a note) are listed as skipped, so that the caller says so: the
 * same PDF named on its own gets UNSUPPORTED_FORMAT, and one inside a folder must not vanish.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Image-like names a folder contributes; formats Recibo cannot read are included on purpose
 * (HEIC, BMP) so the operator sees why they were not read. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.jfif', '.webp', '.gif', '.tif', '.tiff', '.avif', '.heic', '.heif', '.bmp']);

/** A name a folder's image would have (the content decides later whether it is one). */
export const hasImageName = (name: string) => IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase());

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

export interface ExpandedInputs {
  files: string[];
  /** Files inside the folders given that are not named as images (hidden files aside). */
  skipped: string[];
}

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], skipped: [] };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await imagesIn(input, out);
    else out.files.push(input);
  }
  return out;
}

/** The command line says which files of the folders given were not taken, and why. */
export function reportSkipped(skipped: readonly string[]): void {
  for (const file of skipped) process.stderr.write(`receipt-ocr: ${file}: skipped, not named as an image\n`);
}

/** A link to an image is the image (a folder of links made to pick some files out); a link to a folder is not followed, so a loop of links cannot be. */
async function linksToFile(link: string): Promise<boolean> {
  return (await stat(link).catch(() => null))?.isFile() ?? false;
}

async function imagesIn(dir: string, out: ExpandedInputs): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  const below: ExpandedInputs = { files: [], skipped: [] };
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await imagesIn(full, below);
    else if (hasImageName(e.name) && (e.isFile() || (e.isSymbolicLink() && (await linksToFile(full))))) found.push(full);
    else if (e.isFile()) out.skipped.push(full);
  }
  out.files.push(...[...found, ...below.files].sort(naturalOrder));
  out.skipped.push(...below.skipped);
}
