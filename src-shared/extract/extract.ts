/**
 * From the OCR page to the 16 fields. Every field gathers candidates (after its labels, below
 * them, alone by its form); fields are settled in priority order, and a word one field has taken
 * is not another's. Banks missing a label are derived from accounts and the app; the app and the
 * kind of transaction come from their own words.
 */
import type { Line } from '../ocr/types';
import { BANK_NAMES, bankByName, bankDirectory, type BankDirectory } from './banks';
import { labelCandidates, owningLabel, standaloneCandidates, type Candidate } from './candidates';
import { NORMALIZERS, type NormalizeContext } from './normalize';
import { findPhrases, joinWords, pageFromLines, phrases, type PageRow, type Phrase, type PhraseHit, type WordRef } from './page';
import { paragraphRows, proseValues, receivedBy } from './prose';
import { keywordField, refsOf, transactionKind } from './kind';
import { applyRoles, longestLabels, rowRoles } from './roles';
import { RULE_FIELDS, type RuleField, type Rules } from './rules';
import type { ExtractedField, Fields } from './types';
import { unionBoxes } from '../ocr/boxes';

const key = (w: WordRef) => `${w.row}:${w.word}`;

/**
 * What fields have taken, as character ranges inside words: a date and a time OCR glued into
 * one word ("de20267:04p.m.") are two values, and each field takes only its own characters.
 */
class Claims {
  private readonly spans = new Map<string, [number, number][]>();

  private pieces(rows: readonly PageRow[], c: Candidate): [string, number, number][] {
    const { spans } = joinWords(rows, c.words);
    return spans.map((s) => [key(s.ref), Math.max(0, c.norm.start - s.start), Math.min(s.end, c.norm.end) - s.start]);
  }

  free(rows: readonly PageRow[], c: Candidate): boolean {
    return this.pieces(rows, c).every(([k, a, b]) => !(this.spans.get(k) ?? []).some(([x, y]) => a < y && x < b));
  }

  take(rows: readonly PageRow[], c: Candidate): void {
    for (const [k, a, b] of this.pieces(rows, c)) this.spans.set(k, [...(this.spans.get(k) ?? []), [a, b]]);
  }

  /** Whether any part of the word is taken. */
  has(k: string): boolean {
    return this.spans.has(k);
  }
}
const round = (v: number) => Math.round(v * 10000) / 10000;

/** The decimal mark the page's unambiguous amounts use ("1.250,75" says comma). */
function pageDecimalMark(rows: readonly PageRow[]): ',' | '.' | undefined {
  let comma = 0;
  let dot = 0;
  for (const row of rows) {
    const text = row.words.map((w) => w.text).join(' ');
    comma += (text.match(/\d\.\d{3},\d{2}(?!\d)|\d,\d{2}\s*(?:Bs|VES)/g) ?? []).length;
    dot += (text.match(/\d,\d{3}\.\d{2}(?!\d)|\$\s?\d+\.\d{2}(?!\d)/g) ?? []).length;
  }
  return comma > dot ? ',' : dot > comma ? '.' : undefined;
}

function toField(rows: readonly PageRow[], c: Candidate, ocr: number): ExtractedField {
  const { text } = joinWords(rows, c.words);
  const n = c.norm;
  return {
    value: n.value,
    raw: text,
    confidence: round(Math.min(1, c.score * ocr)),
    box: unionBoxes(c.words.map((w) => rows[w.row]!.words[w.word]!.box)),
    source: { via: c.via, ...(c.label ? { label: joinWords(rows, range(c.label)).text } : {}) },
    ...(n.currency ? { currency: n.currency } : {}),
    ...(n.name ? { name: n.name } : {}),
    ...(n.note ? { note: n.note } : {}),
  };
}

const range = refsOf;
const meanConfidence = (rows: readonly PageRow[], refs: readonly WordRef[]) => refs.reduce((s, w) => s + rows[w.row]!.words[w.word]!.confidence, 0) / refs.length;

/** A label the field itself excludes ("comprobante de operación" is not "comprobante"). */
const excludedLabel = (h: PhraseHit, hits: readonly PhraseHit[], field: RuleField) =>
  hits.some((x) => x.key === `!${field}` && x.row === h.row && x.first <= h.first && x.last >= h.last && x.last - x.first >= h.last - h.first);

export interface Extraction {
  fields: Fields;
  /** Fee and total printed beside the amount, canonical, when both were read. */
  amountCheck?: { fee: string; total: string };
  /** Rule revision the fields were read with. */
  revision: string;
}

/** What the rules compile to, once per rules object: the phrase dictionary and bank names. */
const compiled = new WeakMap<Rules, { dictionary: Phrase[]; banks: BankDirectory }>();
export function compileRules(rules: Rules): { dictionary: Phrase[]; banks: BankDirectory } {
  let c = compiled.get(rules);
  if (!c) {
    const dictionary = [
      ...RULE_FIELDS.flatMap((f) => [...phrases(f, rules.fields[f].labels), ...phrases(`!${f}`, rules.fields[f].exclude)]),
      ...phrases('other', rules.otherLabels),
      ...phrases('fee', rules.amountCheck.fee),
      ...phrases('total', rules.amountCheck.total),
      ...Object.entries(rules.channels).flatMap(([name, ch]) => phrases(`channel:${name}`, ch.keywords)),
      ...Object.entries(rules.transactionTypes).flatMap(([type, words]) => phrases(`tx:${type}`, words)),
    ];
    c = { dictionary, banks: bankDirectory(rules.bankAliases) };
    compiled.set(rules, c);
  }
  return c;
}

/** Module-level: V8 optimises a function created per call afresh each time (docs/ocr-engine.md). */
const isFieldLabel = (h: PhraseHit) => (RULE_FIELDS as readonly string[]).includes(h.key);

export function extractFields(lines: readonly Line[], rules: Rules): Extraction {
  const rows = pageFromLines(lines);
  const { dictionary, banks } = compileRules(rules);
  const found = longestLabels(findPhrases(rows, dictionary), isFieldLabel);
  const hits = withoutValueLabels(rows, applyRoles(found, rowRoles(rows, found, rules.roles, isFieldLabel), rules.roles), rules, banks, isFieldLabel);
  // Rows of a field's label and value: an app's name there is a value ("Banco: BANESCO").
  const labelledRows = new Set(hits.filter(isFieldLabel).map((h) => h.row));

  // The app from rows that are not label/value rows (headers, logos, menus), best and topmost
  // first. Before the fields only to know the currency of a USD wallet; the app itself is
  // decided once the fields have taken their words ("BNC" under "Banco receptor" is a value).
  const channelHit = (taken: { has(k: string): boolean }) =>
    hits
      .filter((h) => h.key.startsWith('channel:') && !labelledRows.has(h.row) && !range(h).some((w) => taken.has(key(w))))
      .sort((a, b) => b.score - a.score || a.row - b.row)[0];
  const early = channelHit(new Set());
  const channel = early ? rules.channels[early.key.slice('channel:'.length)] : undefined;

  const decimalMark = pageDecimalMark(rows);
  const ctx: NormalizeContext = {
    labelled: true,
    banks,
    ...(channel?.currency ? { currency: channel.currency } : {}),
    ...(decimalMark ? { decimalMark } : {}),
  };

  const fields: Fields = {};
  const claimed = new Claims();
  const order = [...RULE_FIELDS].sort((a, b) => rules.fields[b].priority - rules.fields[a].priority);
  for (const field of order) {
    const rule = rules.fields[field];
    const candidates: Candidate[] = [];
    for (const h of hits) {
      if (h.key === field && !excludedLabel(h, hits, field)) candidates.push(...labelCandidates(field, rule, rows, hits, h, ctx));
    }
    if (rule.standalone) {
      // The app's own bank standing alone is its logo, not the payee's bank.
      const ownBank = channel?.bank;
      candidates.push(...standaloneCandidates(field, rule, rows, ctx).filter((c) => rule.normalizer !== 'bank' || c.norm.value !== ownBank));
    }
    const chosen = candidates
      .filter((c) => claimed.free(rows, c))
      .filter((c) => owningLabel(rows, hits, c)?.key !== `!${field}`)
      .sort((a, b) => b.score - a.score)[0];
    if (!chosen) continue;
    claimed.take(rows, chosen);
    fields[field] = toField(rows, chosen, meanConfidence(rows, chosen.words));
  }

  fillFromProse(fields, rows, ctx, claimed);
  const appHit = channelHit(claimed);
  const channelName = appHit?.key.slice('channel:'.length);
  derive(fields, rules, channelName, appHit ? { hit: appHit, rows } : null);
  const taken = (w: WordRef) => claimed.has(key(w));
  keywordFields(fields, rows, hits.filter((h) => !range(h).some(taken)), rules, appHit, taken);
  const check = fields.monto ? amountCheck(rows, hits, rules, ctx, claimed) : undefined;
  return { fields, revision: rules.revision, ...(check ? { amountCheck: check } : {}) };
}

/**
 * A label word that starts the value of the label before it is a value: "Banco emisor  Banco
 * del Tesoro (0163)" has one label, and "Banco del Tesoro" is the emisor's bank, not the payee's.
 * A row of column headers ("Monto  Comisión") keeps its labels: none reads as the other's value.
 * A bank label run into a bank's name counts for less (`startsBankName`).
 */
function withoutValueLabels(rows: readonly PageRow[], hits: PhraseHit[], rules: Rules, banks: BankDirectory, isFieldLabel: (h: PhraseHit) => boolean): PhraseHit[] {
  const ctx: NormalizeContext = { labelled: true, banks };
  const named = (h: PhraseHit) => isFieldLabel(h) && rules.fields[h.key as RuleField].normalizer === 'bank' && startsBankName(rows[h.row]!, h, banks);
  return hits.map((h) => (named(h) ? { ...h, score: h.score * BANK_NAME_AS_LABEL } : h)).filter((h) => {
    if (!isFieldLabel(h)) return true;
    // Only a value with a form of its own says so: any words would pass for a name or a concept.
    const before = hits.filter((o) => o.row === h.row && o.last === h.first - 1 && isFieldLabel(o) && STRUCTURED.has(rules.fields[o.key as RuleField].normalizer));
    const rest = joinWords(rows, rows[h.row]!.words.slice(h.first).map((_, i) => ({ row: h.row, word: h.first + i }))).text;
    return !before.some((o) => NORMALIZERS[rules.fields[o.key as RuleField].normalizer](rest, ctx));
  });
}

/** How much a "Banco" that starts a bank's name counts as a label (`startsBankName`). */
const BANK_NAME_AS_LABEL = 0.8;

/**
 * "Banco" run on, without a colon or a column's gap, into the rest of a bank's name ("Banco del
 * Tesoro" in a header or a value) is the name more than a label: it still names a bank where
 * nothing else does (a column of the payee's details), but any labelled bank beats it.
 */
function startsBankName(row: PageRow, h: PhraseHit, banks: BankDirectory): boolean {
  const next = row.words[h.last + 1];
  const label = row.words[h.last]!;
  if (h.colon || !next || next.box[0] - label.box[2] > (label.box[3] - label.box[1]) * 1.2) return false;
  const name = bankByName(row.words.slice(h.first).map((w) => w.text).join(' '), banks);
  const labelEnd = row.words.slice(h.first, h.last + 1).map((w) => w.text).join(' ').length;
  return name !== null && name.start === 0 && name.end > labelEnd;
}

/**
 * Values a sentence gives after its cue words ("a las 3:45 p. m."), for fields no label gave,
 * that only a value's form or a guess "below" a label in running text gave, or whose label's
 * value the row cut or ran on: in a sentence, a cue is a better witness than the geometry.
 */
function fillFromProse(fields: Fields, rows: readonly PageRow[], ctx: NormalizeContext, claimed: Claims): void {
  // Geometry means little in running text: a value "below" a label there is the next line's tail.
  const prose = paragraphRows(rows);
  const inProse = (f: ExtractedField) => f.source.via === 'standalone' || (f.source.via === 'below' && rows.some((r, i) => prose.has(i) && r.box[1] <= f.box[1] && r.box[3] >= f.box[1]));
  for (const v of proseValues(rows, ctx, new Set(PROSE_FIELDS))) {
    const c: Candidate = { field: v.field, via: 'inline', words: v.words, norm: v.norm, score: 0.9 * v.norm.confidence };
    const replacing = fields[v.field];
    // A label's value cut at the row's end ("to José" / "Rivas on …"), or run on past the
    // sentence's next words ("José Salazar on Jun 19"): the cue's reading delimits it.
    const overlapping = replacing && v.norm.value !== replacing.value && (v.norm.value.startsWith(replacing.value) || replacing.value.startsWith(v.norm.value));
    if (replacing && !inProse(replacing) && !overlapping) continue;
    // Other fields' claims are not checked: in running text, the words a label's geometry gave
    // another field are exactly what a cue corrects.
    if (!replacing && !claimed.free(rows, c) && !v.words.every((w) => prose.has(w.row))) continue;
    claimed.take(rows, c);
    fields[v.field] = { ...toField(rows, c, meanConfidence(rows, c.words)), source: { via: 'inline', label: v.cue } };
  }
  const payee = !fields.beneficiario ? receivedBy(rows) : null;
  if (payee) {
    const c: Candidate = { field: 'beneficiario', via: 'inline', words: payee.words, norm: { value: payee.name, start: 0, end: payee.name.length, confidence: 0.85 }, score: 0.85 };
    fields.beneficiario = { ...toField(rows, c, meanConfidence(rows, c.words)), source: { via: 'inline', label: 'received' } };
  }
}

const STRUCTURED = new Set(['amount', 'reference', 'date', 'time', 'phone', 'cedula', 'rif', 'bank', 'account']);

const PROSE_FIELDS: readonly RuleField[] = ['monto', 'referencia', 'fecha', 'hora_operacion', 'banco_destino', 'beneficiario', 'telefono'];

/** The fee and the total beside the amount, each from its own label, when both are printed. */
function amountCheck(rows: readonly PageRow[], hits: readonly PhraseHit[], rules: Rules, ctx: NormalizeContext, claimed: Claims): { fee: string; total: string } | undefined {
  const best = (label: 'fee' | 'total') =>
    hits
      .filter((h) => h.key === label)
      .flatMap((h) => labelCandidates('monto', rules.fields.monto, rows, hits, h, ctx))
      .filter((c) => claimed.free(rows, c))
      .sort((a, b) => b.score - a.score)[0]?.norm.value;
  const fee = best('fee');
  const total = best('total');
  return fee && total ? { fee, total } : undefined;
}

/** Banks no label gave: from the account's first four digits, or from the app. */
function derive(fields: Fields, rules: Rules, channelName: string | undefined, channel: { hit: PhraseHit; rows: readonly PageRow[] } | null): void {
  for (const field of ['banco_origen', 'banco_destino'] as const) {
    if (fields[field]) continue;
    for (const source of rules.fields[field].derive) {
      if (source === 'channel') {
        const code = channelName ? rules.channels[channelName]?.bank : undefined;
        if (!code || !channel) continue;
        const words = range(channel.hit);
        fields[field] = {
          value: code, name: BANK_NAMES[code]!, raw: joinWords(channel.rows, words).text, confidence: round(0.85 * channel.hit.score),
          box: unionBoxes(words.map((w) => channel.rows[w.row]!.words[w.word]!.box)), source: { via: 'derived', from: 'canal_pago' },
        };
        break;
      }
      const from = source.slice('account:'.length) as 'cuenta_origen' | 'cuenta_destino';
      const account = fields[from];
      const code = account?.value.slice(0, 4);
      if (!account || !code || !BANK_NAMES[code]) continue;
      fields[field] = { value: code, name: BANK_NAMES[code]!, raw: account.raw, confidence: round(account.confidence * 0.95), box: account.box, source: { via: 'derived', from } };
      break;
    }
  }
}

/** The app and the kind of transaction, from their own words (not from any field's value). */
function keywordFields(fields: Fields, rows: readonly PageRow[], hits: readonly PhraseHit[], rules: Rules, appHit: PhraseHit | undefined, taken: (w: WordRef) => boolean): void {
  if (appHit) fields.canal_pago = keywordField(rows, range(appHit), appHit.score, appHit.key.slice('channel:'.length));
  const kind = transactionKind(rows, hits, compileRules(rules).dictionary, rules, taken);
  if (kind) fields.tipo_transaccion = kind;
}

