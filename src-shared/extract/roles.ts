/**
 * Whose bank, name or cédula a label means. Receipts print the payer's and the payee's details
 * in sections ("Datos del ordenante" / "Datos del beneficiario") that repeat the same generic
 * labels ("Banco", "Nombre", "Cédula"); the section heading decides the role. A label that
 * names its role itself ("Banco emisor") keeps it wherever it stands.
 */
import { fold } from './text';
import type { PageRow, PhraseHit } from './page';
import type { RuleField, Rules } from './rules';

type Role = 'origin' | 'destination';

const words = (s: string) => fold(s).split(' ').filter(Boolean);

/** Whether every word of one of the phrases is among `present`. A loop, not closures made per call, which V8 would optimise afresh each time (docs/ocr-engine.md). */
function holdsAny(present: ReadonlySet<string>, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (words(phrase).every((x) => present.has(x))) return true;
  return false;
}

/** Which role's words a text holds, if exactly one's. */
function roleOf(text: string, roles: Rules['roles']): Role | undefined {
  const w = new Set(words(text));
  const origin = holdsAny(w, roles.origin);
  const destination = holdsAny(w, roles.destination);
  return origin === destination ? undefined : origin ? 'origin' : 'destination';
}

/**
 * Role of every row: a heading (a short row naming one role, followed by a row that starts
 * with a label) opens a section that lasts until the next heading.
 */
export interface RowRole {
  role: Role | undefined;
  /** The row is the heading itself: its words are not labels. */
  heading: boolean;
}

export function rowRoles(rows: readonly PageRow[], hits: readonly PhraseHit[], roles: Rules['roles'], isFieldLabel: (h: PhraseHit) => boolean): RowRole[] {
  const out: RowRole[] = [];
  let current: Role | undefined;
  rows.forEach((row, r) => {
    const text = row.words.map((w) => w.text).join(' ');
    const role = row.words.length <= 4 && !/\d/.test(text) ? roleOf(text, roles) : undefined;
    const nextStartsWithLabel = hits.some((h) => h.row === r + 1 && h.first === 0 && isFieldLabel(h));
    // A heading owns no value on its row: "Beneficiario  María Pérez" is a label and its value.
    const labelWithValue = hits.some((h) => h.row === r && isFieldLabel(h) && h.last < row.words.length - 1);
    const heading = Boolean(role && nextStartsWithLabel && !labelWithValue);
    if (heading) current = role;
    out.push({ role: current, heading });
  });
  return out;
}

/** The same label meaning, in each role: a generic label in a section takes the section's field. */
const BY_ROLE: Partial<Record<RuleField, { origin: RuleField | null; destination: RuleField | null }>> = {
  banco_origen: { origin: 'banco_origen', destination: 'banco_destino' },
  banco_destino: { origin: 'banco_origen', destination: 'banco_destino' },
  cuenta_origen: { origin: 'cuenta_origen', destination: 'cuenta_destino' },
  cuenta_destino: { origin: 'cuenta_origen', destination: 'cuenta_destino' },
  // The payer's name has no field of its own: it is never the beneficiary.
  beneficiario: { origin: null, destination: 'beneficiario' },
};

/** Below this, a payer's cédula or phone loses to the payee's when both are printed. */
const ORIGIN_PERSON_FACTOR = 0.7;

/**
 * Hits with their section's role applied: generic labels move to the section's field (or are
 * dropped), and the payer's cédula and phone are kept but rank below the payee's.
 */
export function applyRoles(hits: readonly PhraseHit[], rowRole: readonly RowRole[], roles: Rules['roles']): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const h of hits) {
    if (rowRole[h.row]?.heading && !h.key.startsWith('channel:') && !h.key.startsWith('tx:')) continue;
    const role = rowRole[h.row]?.role;
    const map = BY_ROLE[h.key as RuleField];
    if (!role || roleOf(h.phrase, roles)) {
      out.push(h);
      continue;
    }
    if (map) {
      const key = map[role];
      if (key) out.push({ ...h, key });
      continue;
    }
    if ((h.key === 'cedula' || h.key === 'telefono') && role === 'origin') out.push({ ...h, score: h.score * ORIGIN_PERSON_FACTOR });
    else out.push(h);
  }
  return out;
}

/**
 * Where labels overlap on a row, the longer one is meant: "Banco emisor" is not the "Banco" of
 * the payee, "Cédula del titular" is not the "Titular" who is paid.
 */
export function longestLabels(hits: readonly PhraseHit[], isFieldLabel: (h: PhraseHit) => boolean): PhraseHit[] {
  const span = (h: PhraseHit) => h.last - h.first;
  const tokens = (h: PhraseHit) => words(h.phrase).length;
  return hits.filter(
    (h) =>
      !isFieldLabel(h) ||
      !hits.some(
        (o) =>
          o !== h && o.key !== h.key && isFieldLabel(o) && o.row === h.row && o.first <= h.first && o.last >= h.last &&
          // More words, or the same words read as more of a phrase and at least as well.
          (span(o) > span(h) || (tokens(o) > tokens(h) && o.score >= h.score)),
      ),
  );
}
