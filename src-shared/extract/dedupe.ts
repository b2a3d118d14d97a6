/**
 * The natural key of a payment (referencia + monto + fecha + banco_destino), for duplicate
 * detection: the same payment sent twice, or screenshotted twice, has the same key. Leading
 * zeros of the reference are dropped (apps pad it differently); the amount keeps its currency.
 * No key without a reference and an amount: too many payments share the rest.
 */
import type { Fields } from './types';

export function dedupeKey(fields: Fields): string | null {
  const ref = fields.referencia?.value;
  const amount = fields.monto;
  if (!ref || !amount) return null;
  return [ref.replace(/^0+(?=\d)/, ''), `${amount.value} ${amount.currency ?? 'VES'}`, fields.fecha?.value ?? '', fields.banco_destino?.value ?? ''].join('|');
}
