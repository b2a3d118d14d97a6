/**
 * The real models on layouts the page-sized detector pass used to miss: a tall scrolling capture
 * with small text under a large header, and a photograph of a phone screen, tilted and in
 * perspective (fixtures/layouts, cut from the layout families by tools/receipt-generator).
 * And the other side of the contract: an image that reads nothing says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../bench/field-compare';
import { FIXTURES } from '../../test-support/datasets';
import { useOcrEngine } from '../../test-support/ocr-engine';
import { useTempDir } from '../../test-support/temp-dir';

const { read } = useOcrEngine();

const dir = path.join(FIXTURES, '..', 'layouts');
const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, { family: string; fields: Record<string, string> }>;

describe('layouts beyond the phone card', () => {
  it.each(Object.keys(truth))('%s gives every field it prints', async (name) => {
    const r = await read(path.join(dir, name));
    expect(r.status).toBe('ok');
    for (const [field, want] of Object.entries(truth[name]!.fields)) {
      if (field === 'currency') expect(r.fields.monto?.currency, field).toBe(want);
      else expect(sameValue(field, want, r.fields[field as keyof typeof r.fields]?.value), `${field}: expected ${want}, got ${r.fields[field as keyof typeof r.fields]?.value}`).toBe(true);
    }
    expect(r.warnings).toEqual([]);
  }, 60_000);

  const temp = useTempDir();
  it('never calls an image that reads nothing "ok" without saying so', async () => {
    const blank = path.join(temp.path, 'blank.png');
    await sharp({ create: { width: 720, height: 2304, channels: 3, background: '#f4f4f4' } }).png().toFile(blank);
    const r = await read(blank);
    expect(r.status).toBe('ok');
    expect(r.fields).toEqual({});
    expect(r.warnings?.map((w) => w.code)).toEqual(['nothing_read']);
  }, 60_000);
});
