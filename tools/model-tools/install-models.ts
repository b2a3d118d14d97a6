/**
 * `npm install` step (the "prepare" script): puts every file models/manifest.json names into
 * models/, verified. Files that come from npm packages are copied, and transformed when the
 * manifest says so (see fold-affine.ts); the result must match the manifest's sha256 exactly,
 * so every install runs the very same bytes. Models the project trains itself are committed in
 * models/ and name no source.
 *
 *   node dist/tools/install-models.js            install and verify
 *   node dist/tools/install-models.js --print    print the sha256 of what it would install
 */
import { createHash } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesOf, loadManifest, type ModelFileRef } from '../../src-main/ocr/worker/manifest';
import { foldAffine } from './fold-affine';
import { decodeModel, encodeModel } from './onnx-graph';

const TRANSFORMS: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  'fold-affine': (bytes) => {
    const model = decodeModel(bytes);
    foldAffine(model);
    return encodeModel(model);
  },
};


const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const exists = (file: string) => stat(file).then(() => true, () => false);

export async function installModels(root: string, print = false): Promise<string[]> {
  const modelsDir = path.join(root, 'models');
  const manifest = await loadManifest(modelsDir);
  const wanted: ModelFileRef[] = [];
  for (const [id, m] of Object.entries(manifest.models)) wanted.push(...filesOf(id, m));
  const report: string[] = [];
  for (const w of wanted) {
    const dest = path.join(modelsDir, w.file);
    if (!print && (await exists(dest)) && sha256(await readFile(dest)) === w.sha256) continue;
    if (!w.source && print) {
      // The project's own models are committed as they run: what they hold is what is there.
      report.push(`${w.label}: ${w.file} ${(await exists(dest)) ? sha256(await readFile(dest)) : 'missing'}`);
      continue;
    }
    if (!w.source) throw new Error(`models/${w.file} (${w.label}) is missing or altered, and the manifest names no npm source for it`);
    const from = path.join(root, 'node_modules', ...w.source.package.split('/'), w.source.path);
    let bytes: Uint8Array = await readFile(from).catch(() => {
      throw new Error(`${from} not found: is the npm package ${w.source!.package} installed?`);
    });
    if (w.source.sha256 && sha256(bytes) !== w.source.sha256) {
      throw new Error(`${w.source.package}/${w.source.path} has sha256 ${sha256(bytes)}, but the manifest expects ${w.source.sha256} (${w.label})`);
    }
    if (w.source.transform) {
      const transform = TRANSFORMS[w.source.transform];
      if (!transform) throw new Error(`Unknown model transform "${w.source.transform}" for ${w.label}`);
      bytes = transform(bytes);
    }
    const got = sha256(bytes);
    if (print) {
      report.push(`${w.label}: ${w.file} ${got}`);
      continue;
    }
    if (got !== w.sha256) {
      throw new Error(`${w.label}: the installed ${w.file} would have sha256 ${got}, but models/manifest.json expects ${w.sha256}. If the source or the transform changed on purpose, run with --print and update the manifest.`);
    }
    const tmp = `${dest}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, dest);
    report.push(`${w.label}: installed ${w.file}`);
  }
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  installModels(root, process.argv.includes('--print')).then(
    (lines) => console.log(lines.length ? lines.join('\n') : 'models: all files present and verified'),
    (e: Error) => {
      console.error(`models: ${e.message}`);
      process.exit(1);
    },
  );
}
