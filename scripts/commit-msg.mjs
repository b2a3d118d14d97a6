#!/usr/bin/env node
// The project's commit-message rule, run by .githooks/commit-msg (installed by `npm install` in a
// git checkout, scripts/install-hooks.mjs): a subject of at most 72 characters that says what
// changed, a blank line, then the figures and reasons in the body.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_SUBJECT = 72;

/** What is wrong with a commit message, as sentences; empty when it follows the rule. */
export function problems(message) {
  // Lines git strips: comments from the editor's template, and everything under the scissors.
  const kept = message.split('\n# ------------------------ >8 ------------------------')[0];
  const lines = kept.split('\n').filter((l) => !l.startsWith('#'));
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  const subject = (lines[0] ?? '').trimEnd();
  const found = [];
  if (subject === '') return ['The message is empty: give a subject that says what changed.'];
  // Merges and reverts keep the subject git writes for them.
  if (/^(Merge|Revert) /.test(subject)) return [];
  if ([...subject].length > MAX_SUBJECT) found.push(`The subject is ${[...subject].length} characters; keep it to ${MAX_SUBJECT} and put figures and reasons in the body.`);
  if (subject.endsWith('.')) found.push('The subject ends with a full stop; leave it off.');
  if (lines.length > 1 && lines[1].trim() !== '') found.push('Leave a blank line between the subject and the body.');
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: commit-msg.mjs MESSAGE_FILE');
    process.exit(2);
  }
  const found = problems(readFileSync(file, 'utf8'));
  if (found.length > 0) {
    console.error(`commit message refused:\n${found.map((p) => `  - ${p}`).join('\n')}\n(the message is kept in ${file}; git commit -e -F ${file} to edit it)`);
    process.exit(1);
  }
}
