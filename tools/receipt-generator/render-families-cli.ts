/**
 * npm run fixtures:families: renders the layout families' receipts into a folder (by default
 * bench-results/families, where npm run bench:fields caches them) to look at or measure.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../../src-main/paths';
import { FAMILY_SEED, renderFamilies } from './render-families';

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'per-family': { type: 'string', default: '8' }, seed: { type: 'string', default: String(FAMILY_SEED) }, family: { type: 'string' } },
});
const out = path.resolve(values.out ?? path.join(appRoot(), 'bench-results', 'families-preview'));
renderFamilies(out, Number(values['per-family']), Number(values.seed), values.family).then(
  (t) => console.log(`Rendered ${Object.keys(t).length} receipts into ${out}`),
  (e: Error) => {
    console.error(`fixtures:families: ${e.message}`);
    process.exit(1);
  },
);
