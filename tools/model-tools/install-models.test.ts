import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installModels } from './install-models';

const roots: string[] = [];
afterEach(async () => {
  for (const r of roots.splice(0)) await rm(r, { recursive: true, force: true });
});

/** A checkout whose manifest names only the project's own models (no npm source). */
async function ownModelsOnly(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'recibo-install-'));
  roots.push(root);
  const manifest = JSON.parse(await readFile(path.resolve('models/manifest.json'), 'utf8')) as {
    models: Record<string, unknown>;
    profiles: Record<string, unknown>;
  };
  manifest.models = { 'recibo-det': manifest.models['recibo-det'], 'recibo-rec-es': manifest.models['recibo-rec-es'] };
  for (const p of Object.keys(manifest.profiles)) manifest.profiles[p] = { detector: 'recibo-det', recognizer: 'recibo-rec-es' };
  await mkdir(path.join(root, 'models'));
  await writeFile(path.join(root, 'models', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

describe('installModels', () => {
  it('--print lists the sha256 of the committed models as they are, or says one is missing', async () => {
    const root = await ownModelsOnly();
    const bytes = Buffer.from('a detector rewritten in place');
    await writeFile(path.join(root, 'models', 'recibo-det.onnx'), bytes);
    const lines = await installModels(root, true);
    expect(lines).toContain(`recibo-det: recibo-det.onnx ${createHash('sha256').update(bytes).digest('hex')}`);
    expect(lines).toContain('recibo-rec-es: recibo-rec-es.onnx missing');
  });

  it('refuses to install when a committed model is missing or altered', async () => {
    const root = await ownModelsOnly();
    await writeFile(path.join(root, 'models', 'recibo-det.onnx'), 'altered');
    await expect(installModels(root)).rejects.toThrow(/recibo-det\.onnx \(recibo-det\) is missing or altered/);
  });
});
