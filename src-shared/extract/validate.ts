/**
 * Re-validating a value an operator typed in the review form, with the same normalisers and
 * rules extraction used: "1.250,75" becomes 1250.75, "V-12.345.678" becomes V-12345678, and text
 * that is not a value of the field is refused with a reason. An ambiguous value is accepted with
 * its note ("1.250" read as thousands), for the form to show. Pure: runs in the renderer.
 */
import { BANK_NAMES } from './banks';
import { compileRules } from './extract';
import { NORMALIZERS, type NormalizeContext } from './normalize';
import { RULE_FIELDS, TRANSACTION_TYPES, type RuleField, type Rules } from './rules';
import type { FieldName } from '../receipt/fields';

/**
 * Why a typed value was refused, as data: the window words it in its own language
 * (src-renderer/i18n, `validation`); `message` is the same in Spanish, for logs and the CLI.
 */
export type RefusalReason =
  | { code: 'empty' }
  | { code: 'unknown_option'; options: string[] }
  | { code: 'unknown_field' }
  | { code: 'not_a_value'; typed: string }
  | { code: 'extra_text'; typed: string; extra: string };

export type FieldCheck =
  | { ok: true; value: string; currency?: 'VES' | 'USD'; name?: string; note?: string }
  | { ok: false; reason: RefusalReason; message: string };

const refuse = (reason: RefusalReason): FieldCheck => ({ ok: false, reason, message: spanish(reason) });

function spanish(r: RefusalReason): string {
  switch (r.code) {
    case 'empty':
      return 'El valor está vacío.';
    case 'unknown_option':
      return `Valor desconocido; use uno de: ${r.options.join(', ')}.`;
    case 'unknown_field':
      return 'Campo desconocido.';
    case 'not_a_value':
      return `«${r.typed}» no es un valor válido de este campo.`;
    case 'extra_text':
      return `«${r.typed}» tiene texto que no forma parte del valor: «${r.extra}».`;
  }
}

/** What may surround a value without being part of it: currency marks, separators, brackets. */
const NOISE = /(?:bs\.?\s?s\.?|bs\.?|ves|usd|\$|[\s.,:;()\-–—/#])/giu;

const isRuleField = (field: FieldName): field is RuleField => (RULE_FIELDS as readonly string[]).includes(field);

export function validateFieldValue(field: FieldName, text: string, rules: Rules): FieldCheck {
  const typed = text.trim();
  if (!typed) return refuse({ code: 'empty' });

  if (field === 'tipo_transaccion') {
    return (TRANSACTION_TYPES as readonly string[]).includes(typed) ? { ok: true, value: typed } : refuse({ code: 'unknown_option', options: [...TRANSACTION_TYPES] });
  }
  if (field === 'canal_pago') {
    const channels = Object.keys(rules.channels);
    return channels.includes(typed) ? { ok: true, value: typed } : refuse({ code: 'unknown_option', options: channels });
  }
  if (!isRuleField(field)) return refuse({ code: 'unknown_field' });

  // The bank names the rules compile to, cached per rules object as extraction does.
  const ctx: NormalizeContext = { labelled: true, banks: compileRules(rules).banks };
  const normalized = NORMALIZERS[rules.fields[field].normalizer](typed, ctx);
  if (!normalized) return refuse({ code: 'not_a_value', typed });
  // The value must be the whole text: "123 abc" is not a reference.
  const leftover = (typed.slice(0, normalized.start) + typed.slice(normalized.end)).replace(NOISE, '');
  if (leftover) return refuse({ code: 'extra_text', typed, extra: leftover });
  const name = normalized.name ?? (rules.fields[field].normalizer === 'bank' ? BANK_NAMES[normalized.value] : undefined);
  // Free text (a concept, a name) is kept as typed, spaces aside: the normaliser's trimming of
  // OCR noise ("-2+3 …" losing its "-") must not change what the operator wrote without a word.
  const freeText = rules.fields[field].normalizer === 'text' || rules.fields[field].normalizer === 'name';
  return {
    ok: true,
    value: freeText ? typed.replace(/\s+/g, ' ') : normalized.value,
    ...(normalized.currency ? { currency: normalized.currency } : {}),
    ...(name ? { name } : {}),
    ...(normalized.note ? { note: normalized.note } : {}),
  };
}
