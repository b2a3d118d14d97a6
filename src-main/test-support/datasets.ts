/**
 * The shared datasets live beside the project (../shared/datasets), never inside it. Tests that
 * need them say so when they are absent, instead of passing silently.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths';

export const SHARED_DATASETS = process.env.RECIBO_DATASETS ?? path.resolve(appRoot(), '..', 'shared', 'datasets');
export const FIXTURES = path.join(appRoot(), 'fixtures', 'receipts');

/** Whether a dataset folder is here; prints why the tests that need it will not run. */
export function datasetAvailable(name: string): boolean {
  const ok = existsSync(path.join(SHARED_DATASETS, name));
  if (!ok) console.warn(`[skipped] ${name} tests: ${path.join(SHARED_DATASETS, name)} not found (set RECIBO_DATASETS to the shared datasets folder)`);
  return ok;
}
