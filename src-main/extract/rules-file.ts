/**
 * The rules in force: the operator's copy in the data folder when there is a valid one, the
 * shipped defaults otherwise. An invalid copy never stops the app: its problems are reported
 * (rule, JSON path, message) and the defaults are used.
 */
import { readFile } from 'node:fs/promises';
import { describeProblems, parseRulesText, type RuleProblem, type Rules } from '../../src-shared/extract/rules';
import { defaultRulesFile } from '../paths';

export interface RulesInForce {
  rules: Rules;
  /** The file the rules came from. */
  file: string;
  /** Problems of the operator's copy, when it was refused. */
  problems: RuleProblem[];
}

async function readDefaults(): Promise<Rules> {
  const file = defaultRulesFile();
  const parsed = parseRulesText(await readFile(file, 'utf8'));
  // The shipped file is tested: if it is broken, the installation is.
  if (!parsed.ok) throw new Error(`The default extraction rules ${file} are invalid: ${describeProblems(parsed.problems)}`);
  return parsed.rules;
}

export async function loadRules(userFile: string | null): Promise<RulesInForce> {
  const defaults = await readDefaults();
  if (!userFile) return { rules: defaults, file: defaultRulesFile(), problems: [] };
  let text: string;
  try {
    text = await readFile(userFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { rules: defaults, file: defaultRulesFile(), problems: [] };
    return { rules: defaults, file: defaultRulesFile(), problems: [{ rule: '(file)', path: '$', message: `cannot read ${userFile}: ${(e as Error).message}` }] };
  }
  const parsed = parseRulesText(text);
  return parsed.ok ? { rules: parsed.rules, file: userFile, problems: [] } : { rules: defaults, file: defaultRulesFile(), problems: parsed.problems };
}
