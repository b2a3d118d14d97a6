import type { BankDirectory } from '../banks';

/** What every normaliser returns: a canonical value, where in the text it was, how sure it is. */
export interface Normalized {
  value: string;
  /** Character range of the candidate text the value was read from. */
  start: number;
  end: number;
  /** Certainty of the interpretation itself, 0..1 (OCR certainty is counted elsewhere). */
  confidence: number;
  currency?: 'VES' | 'USD';
  /** Official name (banks). */
  name?: string;
  /** Why the confidence is lower, for the reviewer. */
  note?: string;
}

export interface NormalizeContext {
  /**
   * True when the text follows a label: weaker forms are accepted (a cédula without its
   * letter, an amount without a currency mark, a bank by name).
   */
  labelled: boolean;
  /** Currency the context shows (a "(Bs.)" label, a USD wallet). */
  currency?: 'VES' | 'USD';
  /** Decimal separator the page's unambiguous amounts use. */
  decimalMark?: ',' | '.';
  /** Bank names and aliases (from the rules); needed by the bank normaliser. */
  banks?: BankDirectory;
}

export type Normalizer = (text: string, ctx: NormalizeContext) => Normalized | null;

export const at = (m: RegExpExecArray, group = 0) => {
  const start = m.index + m[0].indexOf(m[group]!);
  return { start, end: start + m[group]!.length };
};
