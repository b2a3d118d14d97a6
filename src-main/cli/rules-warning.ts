/** The operator's rules file refused: said once per command on stderr, however many workers start. */
import { describeProblems, type RuleProblem } from '../../src-shared/extract/rules';
import { userRulesFile } from '../paths';

export function rulesWarner(): (problems: readonly RuleProblem[]) => void {
  let warned = false;
  return (problems) => {
    if (problems.length === 0 || warned) return;
    warned = true;
    process.stderr.write(`receipt-ocr: ${userRulesFile()} is invalid, using the default extraction rules: ${describeProblems(problems)}\n`);
  };
}
