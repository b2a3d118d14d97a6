/**
 * The committed language model (models/recibo-lm-es.bin, training/recibo_rec/language_model.py)
 * as the recogniser's beam search uses it: what it knows of receipt text, and how far it may
 * overrule the frames.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../paths';
import { ManifestSchema, type RecognizerEntry } from './manifest';
import { loadLanguageModel } from './model-files';
import type { CharLanguageModel } from './pipeline/recognition/char-lm';
import { ctcGreedyDecode, type CtcClasses } from './pipeline/recognition/ctc';
import { ctcBeamDecode, type LanguageModelDecoder } from './pipeline/recognition/ctc-beam';

const modelsDir = path.join(appRoot(), 'models');
const entry = ManifestSchema.parse(JSON.parse(readFileSync(path.join(modelsDir, 'manifest.json'), 'utf8'))).models['recibo-rec-es'] as RecognizerEntry;
const characters = 'characters' in entry.charset ? Array.from(entry.charset.characters) : [];
const classes: CtcClasses = { characters: ['', ...characters], blankIndex: 0 };

let decoder: LanguageModelDecoder;
let model: CharLanguageModel;
beforeAll(async () => {
  decoder = (await loadLanguageModel(modelsDir, entry))!;
  model = decoder.model;
});

const after = (text: string) => Array.from(text).reduce((context, ch) => model.next(context, ch), model.start);
const p = (text: string, ch: string | undefined) => Math.exp(model.logProbability(after(text), ch));

describe('the committed language model', () => {
  it('is a distribution over what may follow any line so far, each case-folded class once', () => {
    const folded = new Map(characters.map((c) => [model.fold(c), c]));
    for (const text of ['', 'Nro. de compro', 'TOTAL: Bs. 1', 'Begoña Pe', 'zzqx', '0414-']) {
      const once = characters.filter((c) => folded.get(model.fold(c)) === c || /\d/.test(c));
      expect(once.reduce((s, c) => s + p(text, c), 0) + p(text, undefined), text).toBeCloseTo(1, 4);
    }
  });

  it('knows receipt words whatever their case, and leaves the digits to the pixels', () => {
    expect(p('Nro. de comp', 'r')).toBeGreaterThan(0.5);
    expect(p('Nro. de c', 'o')).toBeGreaterThan(100 * p('Nro. de c', 'a'));
    expect(p('NRO. DE COMPRO', 'B')).toBeCloseTo(p('Nro. de compro', 'b'), 10);
    expect(p('cumplea', 'ñ')).toBeGreaterThan(10 * p('cumplea', 'n'));
    expect(p('Bs. 12', '7')).toBeCloseTo(p('Bs. 12', '3'), 10);
    expect(p('Bs. 1.250,75', undefined)).toBeGreaterThan(p('Bancari', undefined));
  });
});

// Frames of a line as the recogniser gives them: one frame per character at 0.99, a blank after
// each; `doubt` gives one character a second reading at probability p.
function line(text: string, doubt?: { at: number; read: string; p: number }): Float32Array {
  const count = classes.characters.length;
  const chars = Array.from(text);
  const out = new Float32Array(chars.length * 2 * count);
  chars.forEach((ch, i) => {
    const row = 2 * i * count;
    const sure = doubt?.at === i ? 0.99 - doubt.p : 0.99;
    out[row + classes.characters.indexOf(ch)] = sure;
    if (doubt?.at === i) out[row + classes.characters.indexOf(doubt.read)] = doubt.p;
    out[row] = 0.01;
    out[row + count] = 1;
  });
  return out;
}
const frameCount = (probs: Float32Array) => probs.length / classes.characters.length;
const greedy = (probs: Float32Array) => ctcGreedyDecode(probs, 0, frameCount(probs), classes.characters.length, classes).text;
const beam = (probs: Float32Array) => ctcBeamDecode(probs, 0, frameCount(probs), classes.characters.length, classes, decoder);

describe('the beam search with the committed model and options', () => {
  it('lets the word decide where the pixels leave two letters close', () => {
    const close = line('Nro. de camprobante', { at: 9, read: 'o', p: 0.4 });
    expect(greedy(close)).toBe('Nro. de camprobante');
    expect(beam(close).text).toBe('Nro. de comprobante');
    expect(beam(line('cumpleanos', { at: 7, read: 'ñ', p: 0.3 })).text).toBe('cumpleaños');
    expect(beam(line('Bancanibe', { at: 5, read: 'r', p: 0.45 })).text).toBe('Bancaribe');
  });

  it('chooses only among the readings the recogniser gives, however unlikely the text', () => {
    const below = decoder.options.minProbability / 2;
    expect(beam(line('Nro. de camprobante', { at: 9, read: 'o', p: below })).text).toBe('Nro. de camprobante');
    expect(beam(line('Xqzj 7731 wkv')).text).toBe('Xqzj 7731 wkv');
    expect(beam(line('0102-****-**-****9505')).text).toBe('0102-****-**-****9505');
  });

  it('gives every character of a corrected line the frames it was read from', () => {
    const read = beam(line('Bancanibe', { at: 5, read: 'r', p: 0.45 }));
    expect(read.chars.map((c) => [c.firstFrame, c.lastFrame])).toEqual(Array.from('Bancaribe', (_, i) => [2 * i, 2 * i]));
    expect(read.chars[5]!.probability).toBeCloseTo(0.45, 5);
    expect(read.frames).toBe(18);
  });
});
