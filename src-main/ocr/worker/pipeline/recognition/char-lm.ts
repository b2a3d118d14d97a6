/**
 * A character n-gram language model of receipt text (models/recibo-lm-es.bin, written by
 * training/recibo_rec/language_model.py, whose docstring gives the format). The CTC beam search
 * weighs a recogniser's readings of a line with it, so that where the pixels leave two letters
 * close the word decides (`comprobante`, not `camprobante`).
 *
 * The model sees characters folded: capitals as their small letter (the pixels decide case) and
 * every digit as one class, its probability split evenly between the ten (the pixels decide which
 * digit). Accents are kept. Its probabilities are mixed with a uniform floor, so no reading the
 * recogniser is sure of is ever vetoed by the text.
 */
import * as z from 'zod';

/** A table of the file, by its size: its float64 key codes and float32 values follow the header. */
const StoredTable = z.object({ count: z.number().int().nonnegative() });

/** The file's JSON header (model-files.ts reads the arrays after it). */
export const LanguageModelHeader = z.object({
  format: z.literal('recibo-char-lm'),
  version: z.literal(2),
  order: z.number().int().min(1).max(8),
  /** Every folded class the model knows, `eos` included. */
  alphabet: z.string().min(2),
  bos: z.string().length(1),
  eos: z.string().length(1),
  digit: z.string().length(1),
  floor: z.number().min(0).max(1),
  unseen: z.number().max(0),
  /** ln p(w | h) by the code of h + w, for every n-gram kept. */
  ngrams: StoredTable,
  /** ln(1 - lambda_h) by the code of context h: what an n-gram the context never saw falls back with. */
  backoff: StoredTable,
});
export type LanguageModelHeader = z.infer<typeof LanguageModelHeader>;

/** A table as the model holds it: its `count` keys and values, read from the file's arrays. */
interface Table {
  keys: Float64Array;
  values: Float32Array;
}

/** The file's model with its tables decoded (model-files.ts reads it). */
export type LanguageModelTables = Omit<LanguageModelHeader, 'ngrams' | 'backoff'> & { ngrams: Table; backoff: Table };

const LN10 = Math.log(10);
const isDigit = (ch: string) => ch.length === 1 && ch >= '0' && ch <= '9';

/** Keys ascending and their values, looked up by binary search (a few MB, loaded in milliseconds). */
class CodeTable {
  private readonly keys: Float64Array;
  private readonly values: Float32Array;

  constructor(name: string, table: Table) {
    this.keys = table.keys;
    this.values = table.values;
    if (this.keys.length !== this.values.length) throw new Error(`its ${name} table holds ${this.keys.length} keys and ${this.values.length} values`);
    for (let i = 0; i < this.keys.length; i++) {
      if (i > 0 && !(this.keys[i]! > this.keys[i - 1]!)) throw new Error(`its ${name} table's keys are not in ascending order`);
      if (!(this.values[i]! <= 0)) throw new Error(`its ${name} table holds a log-probability above 0`);
    }
  }

  get(key: number): number | undefined {
    let low = 0;
    let high = this.keys.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const k = this.keys[mid]!;
      if (k === key) return this.values[mid];
      if (k < key) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}

export class CharLanguageModel {
  readonly order: number;
  /** The context a line starts with: `order - 1` marks of the line's beginning. */
  readonly start: string;
  private readonly ngrams: CodeTable;
  private readonly backoff: CodeTable;
  private readonly index = new Map<string, number>();
  private readonly base: number;
  private readonly unseen: number;
  private readonly floor: number;
  private readonly eos: string;
  private readonly digit: string;
  private readonly uniform: number;
  /** ln p by context + character: a page asks the same few thousand questions many times. */
  private readonly memo = new Map<string, number>();

  constructor(file: LanguageModelTables) {
    const alphabet = Array.from(file.alphabet);
    this.order = file.order;
    this.start = file.bos.repeat(file.order - 1);
    this.index.set(file.bos, 1);
    alphabet.forEach((c, k) => this.index.set(c, k + 2));
    this.base = alphabet.length + 2;
    this.ngrams = new CodeTable('n-gram', file.ngrams);
    this.backoff = new CodeTable('backoff', file.backoff);
    this.unseen = file.unseen;
    this.floor = file.floor;
    this.eos = file.eos;
    this.digit = file.digit;
    this.uniform = file.floor / alphabet.length;
  }

  /** The model's class of a recogniser's character. */
  fold(ch: string): string {
    return isDigit(ch) ? this.digit : ch.toLowerCase();
  }

  /** The context after `context` (`start`, or what `next` returned) is followed by `ch`. */
  next(context: string, ch: string): string {
    return this.order === 1 ? '' : (context + this.fold(ch)).slice(1 - this.order);
  }

  /** ln p(ch | context); `ch` a character the recogniser writes, or undefined for the end of the line. */
  logProbability(context: string, ch: string | undefined): number {
    const w = ch === undefined ? this.eos : this.fold(ch);
    const key = context + w;
    let mixed = this.memo.get(key);
    if (mixed === undefined) {
      mixed = Math.log((1 - this.floor) * Math.exp(this.backedOff(context, w)) + this.uniform);
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(key, mixed);
    }
    // Subtracted always (0 for other characters), so the beam search optimised before its first
    // digit is not thrown away at it.
    return mixed - (ch !== undefined && isDigit(ch) ? LN10 : 0);
  }

  /**
   * ln p(w | context) from the tables: the longest context that kept w, after the backoff of each
   * longer one that did not. A class the corpus never had is in no n-gram: it backs off to `unseen`.
   */
  private backedOff(context: string, w: string): number {
    const top = this.index.get(w);
    const chars = Array.from(context).slice(-(this.order - 1));
    // Codes of the context's last n characters, without w and with it: prepending c is c + base * code.
    const contexts = [0];
    const keys = [top ?? 0];
    for (let n = 1; n <= chars.length; n++) {
      const c = this.indexOf(chars[chars.length - n]!);
      contexts.push(c + this.base * contexts[n - 1]!);
      keys.push(c + this.base * keys[n - 1]!);
    }
    let bow = 0;
    for (let n = chars.length; n >= 0; n--) {
      const value = top === undefined ? undefined : this.ngrams.get(keys[n]!);
      if (value !== undefined) return bow + value;
      if (n > 0) bow += this.backoff.get(contexts[n]!) ?? 0;
    }
    return bow + this.unseen;
  }

  /** 0 for a character outside the alphabet: no key holds it, and a zero digit below the top makes no key's code. */
  private indexOf(ch: string): number {
    return this.index.get(ch) ?? 0;
  }
}
