/** Normalisers by the name the rules file uses for them. */
import { normalizeAmount } from './amount';
import { normalizeAccount, normalizeBank } from './bank-account';
import { normalizeDate, normalizeTime } from './date-time';
import { normalizeCedula, normalizeCode, normalizePhone, normalizeReference, normalizeRif } from './ids';
import { normalizeName, normalizeText } from './text';
import type { Normalizer } from './types';

export const NORMALIZERS = {
  amount: normalizeAmount,
  reference: normalizeReference,
  date: normalizeDate,
  time: normalizeTime,
  phone: normalizePhone,
  cedula: normalizeCedula,
  rif: normalizeRif,
  bank: normalizeBank,
  account: normalizeAccount,
  code: normalizeCode,
  text: normalizeText,
  name: normalizeName,
} as const satisfies Record<string, Normalizer>;

export type NormalizerName = keyof typeof NORMALIZERS;
export const NORMALIZER_NAMES = Object.keys(NORMALIZERS) as NormalizerName[];
export type { Normalized, NormalizeContext, Normalizer } from './types';
