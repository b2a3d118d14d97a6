/**
 * Files dropped in the window as bytes (a browser, a pasted image): straight into the image
 * store from memory (core/intake.ts), never through a temporary file. A file that cannot be
 * stored (a full disk, not an image) is refused alone, in its place in the answer; the others
 * go on.
 */
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { markArrived } from '../db/sending';
import type { Core } from './data-folder';
import { takeIn, type IntakeResult } from './intake';

/** `batchId`: a slice of a send begun with db/sending.ts's beginSend; its files are ticked off. */
export async function takeInBytes(core: Core, files: readonly { name: string; bytes: Buffer }[], profile: ProfileName, batchId?: number): Promise<IntakeResult> {
  const result = await takeIn(core, files, { profile, label: `dropped ${files.length} file(s)`, readUnsettledAgain: true, ...(batchId !== undefined ? { batchId } : {}) });
  if (batchId !== undefined) markArrived(core.db, batchId, files.map((f) => ({ name: f.name, size: f.bytes.length })), core.now());
  return result;
}
