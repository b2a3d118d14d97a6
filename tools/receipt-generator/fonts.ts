/**
 * Web fonts for the rendered receipts, from @fontsource npm packages (reproducible without
 * system fonts). Inlined as data URLs: a page set with setContent cannot load file:// fonts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FONTS = [
  { family: 'Roboto', pkg: 'roboto' },
  { family: 'Inter', pkg: 'inter' },
  { family: 'Open Sans', pkg: 'open-sans' },
  { family: 'Lato', pkg: 'lato' },
  { family: 'Noto Sans', pkg: 'noto-sans' },
  { family: 'Montserrat', pkg: 'montserrat' },
] as const;

const WEIGHTS = [400, 500, 600, 700, 800];

export function fontFaceCss(root: string, family: string, pkg: string): string {
  const rules: string[] = [];
  for (const weight of WEIGHTS) {
    const file = path.join(root, 'node_modules', '@fontsource', pkg, 'files', `${pkg}-latin-${weight}-normal.woff2`);
    // Families without this weight (Lato has 400 and 700) fall back to the nearest one.
    if (!existsSync(file)) continue;
    const data = readFileSync(file).toString('base64');
    rules.push(`@font-face { font-family: '${family}'; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`);
  }
  if (rules.length === 0) throw new Error(`No font files for ${family}: is @fontsource/${pkg} installed?`);
  return rules.join('\n');
}
