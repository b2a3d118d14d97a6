/**
 * The order of file names as people read them: "whatsapp_23" before "whatsapp_229", accents and
 * case aside. The history lists newest first (everything descending, so its indexes are walked
 * one way), so the stored key is built for *descending* order to read *ascending*: each
 * character of the natural key is mirrored in printable ASCII and a terminator above them all
 * ends it ("ab" then comes before "abc"). `ORDER BY name_order DESC` is A to Z, in natural order.
 */

const DIGITS = 12;
/** Between a name and its extension: below every character of a key ("pago" before "pago 2"). */
const EXT = String.fromCharCode(0x1f);
const LOW = 0x1f;
const HIGH = 0x7e;
const END = String.fromCharCode(0x7f);

/** "Pago Móvil 23.png" → "pago movil 000000000023␟png": lower case, plain letters, numbers padded. */
export function naturalKey(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return plainKey(name);
  return `${plainKey(name.slice(0, dot))}${EXT}${plainKey(name.slice(dot + 1))}`;
}

function plainKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, '').padStart(DIGITS, '0'));
}

/** The key whose descending order is the names' natural ascending order. */
export function nameOrder(name: string): string {
  const key = naturalKey(name);
  let mirrored = '';
  for (let i = 0; i < key.length; i++) mirrored += String.fromCharCode(HIGH + LOW - key.charCodeAt(i));
  return mirrored + END;
}
