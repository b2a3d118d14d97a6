/**
 * npm run fixtures:families: renders the layout families' receipts into a folder (by default
 * bench-results/families, where npm run bench:fields caches them) to look at or measure.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../../src-main/paths';
import type { Split } from './families';
import { FAMILY_SEED, renderFamilies } from './render-families';

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'per-family': { type: 'string', default: '8' }, seed: { type: 'string', default: String(FAMILY_SEED) }, family: { type: 'string' }, split: { type: 'string' } },
});
const out = path.resolve(values.out ?? path.join(appRoot(), 'bench-results', 'families-preview'));
const split = values.split as Split | undefined;
if (split !== undefined && split !== 'tuning' && split !== 'held-out') {
  console.error('fixtures:families: --split is tuning or held-out');
  process.exit(2);
}
renderFamilies(out, Number(values['per-family']), Number(values.seed), { ...(values.family ? { family: values.family } : {}), ...(split ? { split } : {}) }).then(
  (t) => console.log(`Rendered ${Object.keys(t).length} receipts into ${out}`),
  (e: Error) => {
    console.error(`fixtures:families: ${e.message}`);
    process.exit(1);
  },
);
