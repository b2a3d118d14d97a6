#!/usr/bin/env node
// Bundles the Node-side entry points (CLI, OCR worker, install tools) into dist/ with esbuild.
// Packages stay external: they are resolved from node_modules at run time, as Electron does.
// Runs as part of `npm install` (prepare), before tests, and on first use of the CLI.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NODE_ENTRIES = {
  'main/cli': 'src-main/cli.ts',
  'main/ocr-worker': 'src-main/ocr/worker.ts',
  'main/inference-thread': 'src-main/ocr/inference-thread.ts',
  'tools/install-models': 'src-main/ocr/model-tools/install-models.ts',
  'tools/render-receipts': 'tools/receipt-generator/render.ts',
  'bench/bench': 'bench/bench.ts',
  'bench/fields': 'bench/fields.ts',
  'bench/history': 'bench/history.ts',
  'bench/batch': 'bench/batch.ts',
};

export async function buildNode() {
  await build({
    absWorkingDir: root,
    entryPoints: NODE_ENTRIES,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
