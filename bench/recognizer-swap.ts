/**
 * `--recognizer ID` for the benchmarks: a models folder in bench-results/ whose manifest makes
 * every profile read with recogniser ID (the model files are linked, not copied), so the whole
 * pipeline can be measured with each recogniser, in the same run as the other.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesOf, ManifestSchema, type Manifest } from '../src-main/ocr/worker/manifest';
import { appRoot } from '../src-main/paths';

export function withRecognizer(manifest: Manifest, id: string): Manifest {
  const entry = manifest.models[id];
  if (!entry || entry.task !== 'recognize') {
    const known = Object.entries(manifest.models).filter(([, m]) => m.task === 'recognize').map(([k]) => k);
    throw new Error(`"${id}" is not a recogniser in models/manifest.json (recognisers: ${known.join(', ')})`);
  }
  // A profile's int8 mark stays only where the new recogniser has an int8 copy to run.
  const profiles = Object.fromEntries(
    Object.entries(manifest.profiles).map(([name, { int8, ...uses }]) => [name, { ...uses, recognizer: id, ...(int8 && entry.int8 ? { int8 } : {}) }]),
  );
  return ManifestSchema.parse({ ...manifest, profiles });
}

/** A models folder in `dir` (emptied first) where every profile reads with recogniser `id`. */
export function modelsDirWithRecognizer(id: string, dir: string, modelsDir = path.join(appRoot(), 'models')): string {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(path.join(modelsDir, 'manifest.json'), 'utf8')));
  const swapped = withRecognizer(manifest, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Set(Object.entries(manifest.models).flatMap(([id, m]) => filesOf(id, m).map((f) => f.file)));
  for (const file of files) symlinkSync(path.resolve(modelsDir, file), path.join(dir, file));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(swapped, null, 2));
  return dir;
}

/** For the benchmarks: builds the folder in bench-results/ and points RECIBO_MODELS_DIR at it (the CLI and workers read that). */
export function useRecognizer(id: string): string {
  const dir = modelsDirWithRecognizer(id, path.join(appRoot(), 'bench-results', `models-${id}`));
  process.env.RECIBO_MODELS_DIR = dir;
  return dir;
}
