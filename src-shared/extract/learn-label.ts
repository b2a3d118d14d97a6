/**
 * Learning a label from the operator: the words before a value the operator clicked into a
 * field are a label the rules may not know ("Banco receptor"). Pure: the window proposes it,
 * and adding it rewrites the rules text the operator's rules file holds (the one source of
 * truth), which the rules editor then shows.
 */
import { parseRulesText, RULE_FIELDS, type RuleField } from './rules';
import { fold } from './text';

const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 5;

/** The label a line's words before the clicked one make, or null when they are not one. */
export function labelBefore(wordsBefore: readonly string[]): string | null {
  const label = wordsBefore.join(' ').replace(/[:\s]+$/u, '').trim();
  if (!label || label.length > MAX_LABEL_CHARS || wordsBefore.length > MAX_LABEL_WORDS) return null;
  // Digits say it is a value (an amount, a date), not a label.
  if (/\d/.test(label) || !/\p{L}{2}/u.test(label)) return null;
  return label;
}

export const isRuleField = (field: string): field is RuleField => (RULE_FIELDS as readonly string[]).includes(field);

/** Whether any field's rule already has this label (compared as extraction compares them). */
export function knownLabel(rulesText: string, label: string): boolean {
  const parsed = parseRulesText(rulesText);
  if (!parsed.ok) return true;
  const want = fold(label);
  return RULE_FIELDS.some((f) => parsed.rules.fields[f].labels.some((l) => fold(l) === want)) || parsed.rules.otherLabels.some((l) => fold(l) === want);
}

/**
 * The rules text with the label added to the field's rule, or an error. The text is rewritten
 * as formatted JSON; it is parsed again before it is given back, so it is always valid rules.
 */
export function addLabel(rulesText: string, field: RuleField, label: string): { ok: true; text: string } | { ok: false; message: string } {
  const parsed = parseRulesText(rulesText);
  if (!parsed.ok) return { ok: false, message: 'The rules file has problems: fix it in the rules editor first.' };
  const json = JSON.parse(rulesText) as { fields: Record<string, { labels: string[] }> };
  const rule = json.fields[field];
  if (!rule) return { ok: false, message: `The rules have no field ${field}.` };
  rule.labels.push(label);
  const text = `${JSON.stringify(json, null, 2)}\n`;
  return parseRulesText(text).ok ? { ok: true, text } : { ok: false, message: `"${label}" cannot be a label.` };
}
