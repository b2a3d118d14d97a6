#!/usr/bin/env node
// Builds everything that runs: the Node-side entry points (CLI, OCR worker, browser host,
// Electron main, tools) with esbuild into dist/, the Electron preload as one CommonJS file, and
// the renderer with Vite into dist/renderer. Native packages and those that load files of their
// own stay external on the Node side, resolved from node_modules at run time as Electron does;
// pure-JS libraries are bundled (resolving zod's hundred ES modules cost a one-screenshot read
// 60 ms).
// Runs as part of `npm install` (prepare), before tests, and before `npm start`.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NODE_ENTRIES = {
  'main/cli': 'src-main/cli.ts',
  'main/dev-web': 'src-main/dev-web.ts',
  'main/app/main': 'src-main/app/main.ts',
  'main/ocr-worker': 'src-main/ocr/worker/worker.ts',
  'main/inference-thread': 'src-main/ocr/worker/inference-thread.ts',
  'main/integrity-thread': 'src-main/db/integrity-thread.ts',
  'tools/install-models': 'tools/model-tools/install-models.ts',
  'tools/render-receipts': 'tools/receipt-generator/render.ts',
  'tools/detector-crops': 'tools/detector-crops/main.ts',
  'tools/detector-inputs': 'tools/detector-inputs/main.ts',
  'tools/quantize-recognizer': 'tools/quantize-recognizer/main.ts',
  'tools/render-families': 'tools/receipt-generator/render-families-cli.ts',
  'bench/bench': 'bench/bench.ts',
  'bench/fields': 'bench/fields.ts',
  'bench/history': 'bench/history.ts',
  'bench/batch': 'bench/batch.ts',
  'bench/reconcile': 'bench/reconcile.ts',
  'bench/recognizer': 'bench/recognizer.ts',
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // CommonJS packages that require Node's modules at run time (exceljs, yauzl) cannot live in an
  // ES module bundle either.
  external: ['electron', 'onnxruntime-node', 'sharp', 'better-sqlite3', 'ws', 'playwright-core', 'vite', 'esbuild', 'onnx-proto', 'exceljs', 'yauzl'],
  sourcemap: 'linked',
  logLevel: 'warning',
};

export async function buildNode() {
  // Chunk names carry a hash of their content: old ones would pile up beside the new.
  await rm(path.join(root, 'dist', 'main', 'chunks'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: NODE_ENTRIES,
    outdir: 'dist',
    format: 'esm',
    // Code reached through import() goes in chunks of its own, loaded when first called: the CLI
    // loads onnxruntime, sharp and SQLite only for the commands that use them.
    splitting: true,
    chunkNames: 'main/chunks/[name]-[hash]',
  });
  // A sandboxed preload cannot be an ES module and can require nothing but 'electron'.
  await build({
    ...common,
    entryPoints: { 'main/app/preload': 'src-main/app/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  });
}

export async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'src-renderer') });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
  if (!process.argv.includes('--node-only')) await buildRenderer();
}
