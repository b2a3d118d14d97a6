/**
 * Where the app's files are, from wherever this code was bundled to (dist/main/*.js) or is run
 * from as source (tests). Packaged Electron builds pass their resources folder explicitly.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
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
export const integrityThreadScript = () => path.join(appRoot(), 'dist', 'main', 'integrity-thread.js');
export const defaultRulesFile = () => path.join(appRoot(), 'assets', 'extraction-rules.json');

/**
 * The operator's data folder: settings, the database, images, logs and an own copy of the
 * extraction rules. The same folder Electron's app.getPath('userData') gives for "Recibo", so the
 * app and the CLI share it; RECIBO_DATA_DIR overrides it (tests, portable installs).
 */
export function dataDir(): string {
  if (process.env.RECIBO_DATA_DIR) return process.env.RECIBO_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Recibo');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Recibo');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Recibo');
}

/** Where an operator's own rules replace the defaults. */
/** The operator's extraction rules of a data folder (the app's and the CLI's data commands'). */
export const rulesFileIn = (folder: string) => path.join(folder, 'extraction-rules.json');
export const userRulesFile = () => rulesFileIn(dataDir());
