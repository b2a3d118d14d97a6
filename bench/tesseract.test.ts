import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tesseractBatch, tesseractLanguages, tesseractOne, tesseractVersion } from './tesseract';

const installed = tesseractVersion() !== null && tesseractLanguages().includes('spa');
if (!installed) console.warn('[skipped] Tesseract baseline tests: tesseract with the spa data is not installed (apt-get install -y tesseract-ocr tesseract-ocr-spa)');

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'receipts');
const files = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r004-web-grid-light.jpg', 'r005-usd-wallet-light.png'].map((f) => path.join(fixtures, f));

describe.skipIf(!installed)('Tesseract as its batch users run it', () => {
  it('gives each file of the lists its own text, in the files\' order, as one process per image would', async () => {
    const batch = await tesseractBatch(files, 'spa', 2);
    expect(batch.texts).toHaveLength(files.length);
    for (const [i, file] of files.entries()) expect(batch.texts[i]!.trim()).toBe((await tesseractOne(file, 'spa')).trim());
  }, 60_000);
});
