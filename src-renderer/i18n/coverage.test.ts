/**
 * Every error code the core can answer has words in both languages, so the Spanish window never
 * shows the core's English message (issue 41). The codes are collected from the sources that
 * raise them: a new code without words fails here.
 */
import { describe, expect, it } from 'vitest';
import { OCR_ERROR_CODES } from '../../src-shared/ocr/types';
import { errorText } from './index';
import { en } from './en';
import { es } from './es';

// The sources as text, through the bundler (the window's code reads no files itself).
const SOURCES = import.meta.glob(['../../src-main/**/*.ts', '../../src-shared/**/*.ts', '../**/*.{ts,tsx}', '!**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function raisedCodes(): string[] {
  const codes = new Set<string>(OCR_ERROR_CODES);
  for (const text of Object.values(SOURCES)) {
    for (const m of text.matchAll(/(?:new ApiError|new SettingError|\berr)\('([A-Z_]+)'/g)) codes.add(m[1]!);
    // The setting errors' codes are a union type: 'A' | 'B' | …
    for (const m of text.matchAll(/readonly code: ((?:'[A-Z_]+'(?: \| )?)+)/g)) for (const c of m[1]!.matchAll(/'([A-Z_]+)'/g)) codes.add(c[1]!);
  }
  return [...codes].sort();
}

describe('the window’s words for errors', () => {
  it('has Spanish and English words for every code the core answers', () => {
    const codes = raisedCodes();
    // The collection itself works: codes from each kind of source are there.
    expect(codes).toEqual(expect.arrayContaining(['BUSY', 'FORBIDDEN', 'WATCH_NOT_FOLDER', 'CORRUPT_IMAGE', 'DISCONNECTED']));
    expect(codes.filter((c) => !(c in es.errors))).toEqual([]);
    expect(codes.filter((c) => !(c in en.errors))).toEqual([]);
  });
});

describe('errorText', () => {
  it('words a refused value by its reason, in the window’s language, not the core’s message', () => {
    const refused = { code: 'INVALID_VALUE', message: '«cinco mil» no es un valor válido de este campo.', details: { reason: { code: 'not_a_value', typed: 'cinco mil' } } };
    expect(errorText(en, refused)).toBe('“cinco mil” is not a valid value of this field.');
    expect(errorText(es, { ...refused, details: { reason: { code: 'extra_text', typed: '123 abc', extra: 'abc' } } })).toBe('«123 abc» tiene texto que no forma parte del valor: «abc».');
    expect(errorText(es, { code: 'BUSY', message: 'This receipt is already waiting or being read' })).toBe('Ese comprobante ya está en cola o leyéndose.');
  });
});

describe('a statement the core cannot read', () => {
  it('is said in the window’s language, naming the file and the line', () => {
    const refused = { code: 'STATEMENT_UNREADABLE', message: 'mayo.csv: Line 7: "20,0,0" is not an amount.', details: { file: 'mayo.csv', problem: { code: 'not_an_amount', line: 7, text: '20,0,0' } } };
    expect(errorText(es, refused)).toBe('mayo.csv: Línea 7: «20,0,0» no es un monto.');
    expect(errorText(en, refused)).toBe('mayo.csv: Line 7: "20,0,0" is not an amount.');
    // A problem the window does not know falls back to the general words, never the core's English.
    expect(errorText(es, { ...refused, details: { file: 'mayo.csv', problem: { code: 'new_kind' } } })).toBe(es.errors.STATEMENT_UNREADABLE);
  });
});
