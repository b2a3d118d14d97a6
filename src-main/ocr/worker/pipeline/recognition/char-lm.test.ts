import { describe, expect, it } from 'vitest';
import { CharLanguageModel, type LanguageModelTables } from './char-lm';

// A bigram model over 'a' and 'b' by hand. Codes: BOS 1, a 2, b 3, end 4 (base 5); 'ab' is 2 + 5 * 3.
const EOS = '\u0003';
function bigrams(floor = 0): LanguageModelTables {
  return {
    format: 'recibo-char-lm',
    version: 2,
    order: 2,
    alphabet: `ab${EOS}`,
    bos: '\u0002',
    eos: EOS,
    digit: '0',
    floor,
    unseen: Math.log(0.01),
    ngrams: { keys: Float64Array.from([2, 3, 4, 17]), values: Float32Array.from([0.5, 0.3, 0.2, 0.6].map(Math.log)) },
    backoff: { keys: Float64Array.from([2]), values: Float32Array.from([Math.log(0.25)]) },
  };
}
const p = (m: CharLanguageModel, text: string, ch: string | undefined) =>
  Math.exp(m.logProbability(Array.from(text).reduce((c, x) => m.next(c, x), m.start), ch));

describe('the character language model', () => {
  const model = new CharLanguageModel(bigrams());

  it('reads an n-gram it kept, and backs off to the shorter context for one it did not', () => {
    expect(p(model, 'a', 'b')).toBeCloseTo(0.6, 6);
    expect(p(model, 'a', 'a')).toBeCloseTo(0.25 * 0.5, 6);
    // No backoff weight kept for 'b' (it saw no bigram): the unigram as it is.
    expect(p(model, 'b', 'a')).toBeCloseTo(0.5, 6);
    expect(p(model, 'ba', undefined)).toBeCloseTo(0.25 * 0.2, 6);
  });

  it('folds case, and a class the corpus never had is unseen', () => {
    expect(p(model, 'A', 'B')).toBeCloseTo(p(model, 'a', 'b'), 10);
    expect(p(model, 'a', 'z')).toBeCloseTo(0.25 * 0.01, 6);
    expect(model.next(model.next(model.start, 'A'), 'b')).toBe('b');
  });

  it('mixes in the floor, so no character costs more than its share of it', () => {
    const floored = new CharLanguageModel(bigrams(0.3));
    expect(p(floored, 'a', 'b')).toBeCloseTo(0.7 * 0.6 + 0.3 / 3, 6);
    expect(p(floored, 'a', 'z')).toBeGreaterThanOrEqual(0.1);
  });

  it('splits the digit class evenly between the ten digits', () => {
    const digits = new CharLanguageModel({ ...bigrams(), alphabet: `0ab${EOS}`, ngrams: { keys: Float64Array.from([2]), values: Float32Array.from([Math.log(0.4)]) }, backoff: { keys: new Float64Array(), values: new Float32Array() } });
    expect(p(digits, '', '7')).toBeCloseTo(0.04, 6);
    expect(p(digits, '', '0')).toBeCloseTo(0.04, 6);
  });

  it('refuses tables it cannot search', () => {
    const base = bigrams();
    expect(() => new CharLanguageModel({ ...base, backoff: { keys: Float64Array.from([3, 2]), values: Float32Array.from([-1, -1]) } })).toThrow(/not in ascending order/);
    expect(() => new CharLanguageModel({ ...base, backoff: { keys: Float64Array.from([2]), values: Float32Array.from([0.5]) } })).toThrow(/above 0/);
    expect(() => new CharLanguageModel({ ...base, backoff: { keys: Float64Array.from([2]), values: new Float32Array() } })).toThrow(/1 keys and 0 values/);
  });
});
