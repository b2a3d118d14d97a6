/**
 * The extraction rules: what labels mean which field, where its value sits, how it is read.
 * The defaults ship in assets/extraction-rules.json; an operator's copy in the data folder
 * replaces them. Parsing never throws: an invalid file gives messages naming the rule and the
 * JSON path of each problem, and the caller keeps the defaults.
 */
import esLocale from 'zod/v4/locales/es.js';
import * as z from 'zod';
import { NORMALIZER_NAMES } from './normalize';

const RULES_SCHEMA_VERSION = 1;

/** Fields read from labels and patterns; the transaction type and channel come from keywords. */
export const RULE_FIELDS = [
  'monto', 'referencia', 'fecha', 'hora_operacion', 'telefono', 'cedula', 'banco_origen', 'banco_destino',
  'cuenta_origen', 'cuenta_destino', 'concepto', 'beneficiario', 'identificador_fiscal', 'comprobante',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** Canonical kinds of transaction (../shared/docs/domain.md). */
export const TRANSACTION_TYPES = ['pago_movil', 'transferencia', 'deposito', 'pago_punto', 'otro'] as const;

const Phrase = z.string().trim().min(1, 'must not be empty');
const Where = z.enum(['inline', 'right', 'below']);
const BankCode = z.string().regex(/^0\d{3}$/, 'a bank code is four digits starting with 0');

const FieldRuleSchema = z.strictObject({
  /** How the value is read and checked. */
  normalizer: z.enum(NORMALIZER_NAMES),
  /** Higher first: a word taken by one field's value is not another field's. */
  priority: z.number().int(),
  /** Label synonyms, compared without case, accents or punctuation, tolerant to OCR slips. */
  labels: z.array(Phrase),
  /** Labels whose values are never this field's ("saldo" is not the monto). */
  exclude: z.array(Phrase).default([]),
  /** Where to look from a label: the rest of its row ("Label: value", or far right), or below it. */
  where: z.array(Where).min(1),
  /** Also look for the value without a label (an amount with "Bs", a V- cédula, a 04XX phone). */
  standalone: z.boolean().default(false),
  /** The value may wrap onto the rows below (names, concepts, long bank names). */
  multiline: z.boolean().default(false),
  /** Where to take the value from when no label gives it. */
  derive: z.array(z.enum(['account:cuenta_origen', 'account:cuenta_destino', 'channel'])).default([]),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

const RulesSchema = z.strictObject({
  version: z.literal(RULES_SCHEMA_VERSION),
  /** Which edition of the rules this is (shown in settings and kept with each result). */
  revision: z.string().min(1),
  fields: z.strictObject(Object.fromEntries(RULE_FIELDS.map((f) => [f, FieldRuleSchema])) as Record<RuleField, typeof FieldRuleSchema>),
  /**
   * Labels of things Recibo does not read ("Estatus", "Método"): they end the columns and rows
   * of the labels it does, so a neighbour's header is never taken for a value.
   */
  otherLabels: z.array(Phrase).default([]),
  /** Names clients use for banks, by code. */
  bankAliases: z.record(BankCode, z.array(Phrase)),
  /**
   * Apps and web sites, recognised by their own words; `bank` is the payer's bank they imply,
   * `currency` the currency of amounts printed without one (USD wallets).
   */
  channels: z.record(
    z.string().regex(/^[a-z0-9_]+$/, 'a channel name is lower case letters, digits and _'),
    z.strictObject({ keywords: z.array(Phrase).min(1), bank: BankCode.optional(), currency: z.enum(['VES', 'USD']).optional() }),
  ),
  /**
   * Words that name the payer's and the payee's side, in labels ("Banco emisor") and in section
   * headings ("Datos del ordenante") that scope generic labels under them (extract/roles.ts).
   */
  roles: z
    .strictObject({ origin: z.array(Phrase), destination: z.array(Phrase) })
    .default({ origin: ['emisor', 'ordenante', 'origen', 'desde', 'pagador', 'remitente'], destination: ['receptor', 'destino', 'beneficiario', 'destinatario', 'hacia', 'para'] }),
  /** Labels of the fee and the total printed beside the amount: amount + fee must be the total. */
  amountCheck: z
    .strictObject({ fee: z.array(Phrase), total: z.array(Phrase) })
    .default({ fee: ['comisión', 'comisión bancaria', 'cargo por servicio'], total: ['total', 'total debitado', 'monto total', 'total a pagar'] }),
  /** Kinds of transaction by their words: the largest (a title) winning, then the first in this order. */
  transactionTypes: z.strictObject({
    pago_movil: z.array(Phrase),
    transferencia: z.array(Phrase),
    deposito: z.array(Phrase),
    pago_punto: z.array(Phrase),
    otro: z.array(Phrase).default([]),
  }),
});
export type Rules = z.infer<typeof RulesSchema>;

export interface RuleProblem {
  /** The field or section the problem is in ("monto", "channels", ...). */
  rule: string;
  /** JSON path, as `$.fields.monto.labels[2]`. */
  path: string;
  message: string;
}

export type RulesParse = { ok: true; rules: Rules } | { ok: false; problems: RuleProblem[] };

const jsonPath = (path: readonly PropertyKey[]) =>
  `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('')}`;

/** The rules' problems in the reader's language: the window's, or English for logs and the CLI. */
export type ProblemLanguage = 'es' | 'en';

const PROBLEM_WORDS = {
  es: { unknownKey: 'clave desconocida (¿mal escrita?)', notJson: (where: string) => `no es JSON válido${where}`, at: (line: string, col: string) => ` (línea ${line}, columna ${col})` },
  en: { unknownKey: 'unknown key (misspelt?)', notJson: (where: string) => `not valid JSON${where}`, at: (line: string, col: string) => ` (line ${line}, column ${col})` },
} as const;

export function parseRules(json: unknown, language: ProblemLanguage = 'en'): RulesParse {
  // Parsed once per process: zod generating a fast parser for it would cost more than it saves.
  // zod's own messages in the reader's language (its Spanish locale), ours from PROBLEM_WORDS.
  const parsed = RulesSchema.safeParse(json, { jitless: true, ...(language === 'es' ? { error: esLocale().localeError } : {}) });
  if (parsed.success) return { ok: true, rules: parsed.data };
  const problem = (path: readonly PropertyKey[], message: string): RuleProblem => ({
    rule: path[0] === 'fields' && path[1] !== undefined ? String(path[1]) : String(path[0] ?? '(file)'),
    path: jsonPath(path),
    message,
  });
  return {
    ok: false,
    // An unknown key is named by its own path ("$.fields.montos"), not its parent's.
    problems: parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => problem([...i.path, k], PROBLEM_WORDS[language].unknownKey)) : [problem(i.path, i.message)],
    ),
  };
}

/** Line and column of a JSON.parse error (newer engines say them; older ones a position). */
function jsonErrorAt(message: string, text: string): { line: string; column: string } | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: lineColumn[1]!, column: lineColumn[2]! };
  const position = /at position (\d+)/.exec(message);
  if (!position) return null;
  const before = text.slice(0, Number(position[1]));
  return { line: String(before.split('\n').length), column: String(before.length - before.lastIndexOf('\n')) };
}

/** Parses rules text; JSON syntax errors are problems too. */
export function parseRulesText(text: string, language: ProblemLanguage = 'en'): RulesParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // The engine's message is English; only where it is (line and column) is kept.
    const words = PROBLEM_WORDS[language];
    const where = jsonErrorAt((e as Error).message, text);
    return { ok: false, problems: [{ rule: '(file)', path: '$', message: words.notJson(where ? words.at(where.line, where.column) : '') }] };
  }
  return parseRules(json, language);
}

export const describeProblems = (problems: readonly RuleProblem[]) => problems.map((p) => `rule "${p.rule}" at ${p.path}: ${p.message}`).join('; ');
