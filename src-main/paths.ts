/**
 * Where the app's files are, from wherever this code was bundled to (dist/main/*.js) or is run
 * from as source (tests). Packaged Electron builds pass their resources folder explicitly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding Recibo's package.json. */
export function appRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'recibo') return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Cannot find Recibo's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const defaultModelsDir = () => process.env.RECIBO_MODELS_DIR ?? path.join(appRoot(), 'models');
export const workerScript = () => path.join(appRoot(), 'dist', 'main', 'ocr-worker.js');
export const inferenceThreadScript = () => path.join(appRoot(), 'dist', 'main', 'inference-thread.js');
