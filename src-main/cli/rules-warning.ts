/** The operator's rules file refused: said once per command on stderr, however many workers start. */
import { describeProblems, type RuleProblem } from '../../src-shared/extract/rules';

/** `file`: the rules file the command reads (the data folder's, or the user's). */
export function rulesWarner(file: string): (problems: readonly RuleProblem[]) => void {
  let warned = false;
  return (problems) => {
    if (problems.length === 0 || warned) return;
    warned = true;
    process.stderr.write(`receipt-ocr: ${file} is invalid, using the default extraction rules: ${describeProblems(problems)}\n`);
  };
}
