/** The shipped default rules, parsed, for tests of pure extraction code. */
import shipped from '../../assets/extraction-rules.json';
import { parseRules, type Rules } from './rules';

export function shippedRules(): Rules {
  const parsed = parseRules(shipped);
  if (!parsed.ok) throw new Error(`assets/extraction-rules.json is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.rules;
}
