/**
 * Statements in the banks' record formats, each to movements: Banesco's QIF, Mercantil's MT940,
 * Banco de Venezuela's fixed-width text and BBVA Provincial's typed-record CSV (the formats are
 * described in ../shared/datasets/statements/README.md). No well-kept npm parser covers these
 * banks' variants (Provincial's records and BDV's columns are their own), so each is read here,
 * field by field, and refuses a file that is not its format.
 */
import type { Movement } from '../../src-shared/reconcile/match';
import { canonicalAmount, canonicalDate, dateOrderOf, decimalMarkOf } from '../../src-shared/reconcile/formats';
import { StatementFormatError } from './table';

const linesOf = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/);

/** An amount written as digits with two implied decimals ("00000120000000" -> "1200000.00"). */
function impliedCents(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  const n = BigInt(digits);
  return `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
}

/** YYMMDD as YYYY-MM-DD. */
const yymmdd = (t: string) => (/^\d{6}$/.test(t) ? canonicalDate(`20${t.slice(0, 2)}-${t.slice(2, 4)}-${t.slice(4, 6)}`, 'ymd') : null);

/** Quicken's QIF: `D` date, `T` signed amount, `N` number (the reference), `P` payee, `M` memo, `^` ends each. */
export function parseQif(text: string, id: string): Movement[] {
  const records: { line: number; fields: Map<string, string> }[] = [];
  let current: { line: number; fields: Map<string, string> } | null = null;
  linesOf(text).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('!')) return;
    if (l === '^') {
      if (current) records.push(current);
      current = null;
      return;
    }
    current ??= { line: i + 1, fields: new Map() };
    if (!current.fields.has(l[0]!)) current.fields.set(l[0]!, l.slice(1).trim());
  });
  if (records.length === 0) throw new StatementFormatError({ code: 'no_records', format: 'qif' });
  const order = dateOrderOf(records.map((r) => r.fields.get('D') ?? ''));
  const mark = decimalMarkOf(records.map((r) => r.fields.get('T') ?? ''));
  return records.map(({ line, fields }) => {
    const date = canonicalDate(fields.get('D') ?? '', order);
    const amount = canonicalAmount(fields.get('T') ?? '', mark);
    if (!date || !amount) throw new StatementFormatError({ code: 'broken_record', line, format: 'qif' });
    const description = [fields.get('P'), fields.get('M')].filter(Boolean).join(' · ');
    return { statementId: id, line, date, reference: fields.get('N') ?? '', description, amount: amount.replace(/^-/, ''), direction: amount.startsWith('-') ? 'debit' : 'credit' } satisfies Movement;
  });
}

/** SWIFT MT940: each `:61:` line a movement (value date, C/D, amount, the bank's reference after //), its `:86:` the description. */
export function parseMt940(text: string, id: string): Movement[] {
  const movements: Movement[] = [];
  const lines = linesOf(text);
  const STATEMENT_LINE = /^:61:(\d{6})(\d{4})?(R?[CD])[A-Z]?(\d+(?:,\d{0,2})?)N?[A-Z0-9]{3}([^/]*)(?:\/\/(.*))?$/;
  lines.forEach((raw, i) => {
    if (!raw.trim().startsWith(':61:')) return;
    const m = STATEMENT_LINE.exec(raw.trim());
    const date = m && yymmdd(m[1]!);
    const amount = m && canonicalAmount(m[4]!, ',');
    if (!m || !date || !amount) throw new StatementFormatError({ code: 'broken_record', line: i + 1, format: 'mt940' });
    // The description: the :86: field that follows, with its continuation lines, until the next tag.
    const description: string[] = [];
    for (let k = i + 1; k < lines.length; k++) {
      const next = lines[k]!.trim();
      if (k === i + 1 && !next.startsWith(':86:')) break;
      if (k > i + 1 && next.startsWith(':')) break;
      description.push(next.replace(/^:86:/, ''));
    }
    const ownReference = m[5]!.trim() === 'NONREF' ? '' : m[5]!.trim();
    const credit = m[3] === 'C' || m[3] === 'RD';
    movements.push({ statementId: id, line: i + 1, date, reference: (m[6] ?? ownReference).trim(), description: description.join(' ').replace(/\?\d{2}/g, ' ').replace(/\s+/g, ' ').trim(), amount, direction: credit ? 'credit' : 'debit' });
  });
  if (movements.length === 0) throw new StatementFormatError({ code: 'no_records', format: 'mt940' });
  return movements;
}

/**
 * Banco de Venezuela's fixed-width text: account (20), date DDMMYYYY (8), reference (13),
 * description (30), debit, credit and balance (18 digits each, two implied decimals), type (SI
 * opening balance, ND debit note, NC credit note, DP deposit).
 */
export function parseBdvFixed(text: string, id: string): Movement[] {
  const movements: Movement[] = [];
  let lines = 0;
  linesOf(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    lines++;
    const l = raw.replace(/\r$/, '');
    if (l.length < 125 || !/^\d{20}\d{8}/.test(l)) throw new StatementFormatError({ code: 'broken_record', line: i + 1, format: 'bdv-fixed' });
    const type = l.slice(125, 127);
    if (type === 'SI') return;
    const date = canonicalDate(`${l.slice(20, 22)}/${l.slice(22, 24)}/${l.slice(24, 28)}`, 'dmy');
    const debit = impliedCents(l.slice(71, 89));
    const credit = impliedCents(l.slice(89, 107));
    if (!date || debit === null || credit === null) throw new StatementFormatError({ code: 'broken_record', line: i + 1, format: 'bdv-fixed' });
    const isCredit = /[1-9]/.test(credit);
    movements.push({ statementId: id, line: i + 1, date, reference: l.slice(28, 41).trim(), description: l.slice(41, 71).trim(), amount: isCredit ? credit : debit, direction: isCredit ? 'credit' : 'debit' });
  });
  if (lines === 0) throw new StatementFormatError({ code: 'empty' });
  return movements;
}

/**
 * BBVA Provincial's typed-record CSV: `22` records are movements (bank, branch, date YYMMDD,
 * value date, _, code, 1 debit / 2 credit, 14-digit amount with two implied decimals, document
 * number, description); `00`, `11`, `33` and `88` are file and day headers and trailers.
 */
export function parseProvincialRecords(text: string, id: string): Movement[] {
  const movements: Movement[] = [];
  linesOf(text).forEach((raw, i) => {
    const f = raw.split(',').map((c) => c.trim());
    if (f[0] !== '22') return;
    const date = yymmdd(f[3] ?? '');
    const amount = impliedCents(f[8] ?? '');
    if (!date || !amount || (f[7] !== '1' && f[7] !== '2')) throw new StatementFormatError({ code: 'broken_record', line: i + 1, format: 'provincial-records' });
    movements.push({ statementId: id, line: i + 1, date, reference: f[9] ?? '', description: f[10] ?? '', amount, direction: f[7] === '2' ? 'credit' : 'debit' });
  });
  if (movements.length === 0) throw new StatementFormatError({ code: 'no_records', format: 'provincial-records' });
  return movements;
}
