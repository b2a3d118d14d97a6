import { describe, expect, it } from 'vitest';
import { nameOrder, naturalKey } from './name-order';

/** Sorted as the history sorts: by the stored key, descending (SQLite compares bytes). */
const listed = (names: string[]) => [...names].sort((a, b) => (nameOrder(a) < nameOrder(b) ? 1 : nameOrder(a) > nameOrder(b) ? -1 : 0));

describe('file names in natural order', () => {
  it('numbers by value, not as text: whatsapp_23 before whatsapp_229 and whatsapp_233', () => {
    expect(listed(['whatsapp_233.jpg', 'whatsapp_232.jpg', 'whatsapp_23.jpg', 'whatsapp_229.jpg', 'whatsapp_3.jpg'])).toEqual(['whatsapp_3.jpg', 'whatsapp_23.jpg', 'whatsapp_229.jpg', 'whatsapp_232.jpg', 'whatsapp_233.jpg']);
  });

  it('case and accents aside, a name before the longer names it begins', () => {
    expect(listed(['Pago.png', 'pago 2.png', 'Árbol.png', 'pago.png', 'zeta.png', 'pagos.png'])).toEqual(['Árbol.png', 'Pago.png', 'pago.png', 'pago 2.png', 'pagos.png', 'zeta.png']);
    expect(naturalKey('Pago Móvil 023.PNG')).toBe('pago movil 000000000023\u001fpng');
  });
});
