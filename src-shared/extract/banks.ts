/**
 * Venezuelan banks by SUDEBAN code (../shared/docs/domain.md). Names and aliases that point to a
 * code come from here and from the rules file, so operators can add the names their clients use.
 */
import { fold, phraseScore } from './text';

export const BANK_NAMES: Record<string, string> = {
  '0102': 'Banco de Venezuela',
  '0104': 'Venezolano de Crédito',
  '0105': 'Mercantil',
  '0108': 'BBVA Provincial',
  '0114': 'Bancaribe',
  '0115': 'Exterior',
  '0128': 'Caroní',
  '0134': 'Banesco',
  '0137': 'Sofitasa',
  '0138': 'Plaza',
  '0146': 'Bangente',
  '0151': 'BFC Fondo Común',
  '0156': '100% Banco',
  '0157': 'DelSur',
  '0163': 'Tesoro',
  '0166': 'Agrícola de Venezuela',
  '0168': 'Bancrecer',
  '0169': 'R4 (Mi Banco)',
  '0171': 'Activo',
  '0172': 'Bancamiga',
  '0173': 'Internacional de Desarrollo',
  '0174': 'Banplus',
  '0175': 'Digital de los Trabajadores (Bicentenario)',
  '0177': 'Banfanb',
  '0178': 'N58',
  '0191': 'BNC Nacional de Crédito',
};

/** Every way of naming a bank, folded, longest first (so "banco de venezuela" beats "venezuela"). */
export interface BankDirectory {
  names: { phrase: string; code: string }[];
}

export function bankDirectory(aliases: Record<string, readonly string[]>): BankDirectory {
  const names: { phrase: string; code: string }[] = [];
  const add = (phrase: string, code: string) => {
    const folded = fold(phrase);
    if (folded && !names.some((n) => n.phrase === folded)) names.push({ phrase: folded, code });
  };
  for (const [code, name] of Object.entries(BANK_NAMES)) add(name, code);
  for (const [code, list] of Object.entries(aliases)) for (const a of list) add(a, code);
  names.sort((a, b) => b.phrase.length - a.phrase.length);
  return { names };
}

/**
 * The bank a text names: by the longest name or alias it contains as whole words, or split by a
 * logo's letter-spacing ("M ERCANTI L"), or failing that, by one it contains with an OCR slip
 * ("Banco Mercantl"). Positions are in the folded text.
 */
export function bankByName(text: string, directory: BankDirectory): { code: string; start: number; end: number } | null {
  const folded = fold(text);
  const hay = ` ${folded} `;
  for (const { phrase, code } of directory.names) {
    const i = hay.indexOf(` ${phrase} `);
    if (i >= 0) return { code, start: i, end: i + phrase.length };
  }
  const words = folded.split(' ');
  const offsets = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
  const spaced = letterSpacedName(words, offsets, directory);
  if (spaced) return spaced;
  for (const { phrase, code } of directory.names) {
    const tokens = phrase.split(' ');
    if (tokens.join('').length < 6) continue;
    for (let i = 0; i + tokens.length <= words.length; i++) {
      // Each word may differ from the name's by a few edits at most: cheap length test first.
      if (tokens.some((t, k) => Math.abs(t.length - words[i + k]!.length) > 3)) continue;
      if (phraseScore(words.slice(i, i + tokens.length), tokens) > 0) {
        const end = offsets[i + tokens.length - 1]! + words[i + tokens.length - 1]!.length;
        return { code, start: offsets[i]!, end };
      }
    }
  }
  return null;
}

/**
 * A one-word name set in a logo's wide letter-spacing, which a recogniser splits into pieces
 * ("M ERCANTI L", "B A N E S C O"): two or more words in a row that spell it exactly once joined.
 * Exact only: joining words is already a guess.
 */
function letterSpacedName(words: readonly string[], offsets: readonly number[], directory: BankDirectory): { code: string; start: number; end: number } | null {
  for (const { phrase, code } of directory.names) {
    if (phrase.includes(' ') || phrase.length < 6) continue;
    for (let i = 0; i < words.length; i++) {
      let joined = words[i]!;
      for (let j = i + 1; j < words.length && joined.length < phrase.length; j++) {
        joined += words[j]!;
        if (joined === phrase) return { code, start: offsets[i]!, end: offsets[j]! + words[j]!.length };
      }
    }
  }
  return null;
}
