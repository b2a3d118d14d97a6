/**
 * Layouts whose geometry decides the reading: web pages with menus and tables, titles and
 * labels wrapped across lines, sentences whose first line is short.
 */
import { describe, expect, it } from 'vitest';
import type { Line } from '../ocr/types';
import { extractFields } from './extract';
import { drawPage } from './test-page';
import { shippedRules } from './test-rules';

const rules = shippedRules();

/** One line of words at (x, y), `size` px per character and `size * 1.6` px tall. */
function line(text: string, x: number, y: number, size: number): Line {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], confidence: 0.98, box: [x + m.index * size, y, x + (m.index + m[0].length) * size, y + size * 1.6] as [number, number, number, number] }));
  return { text: words.map((w) => w.text).join(' '), confidence: 0.98, box: [words[0]!.box[0], y, words.at(-1)!.box[2], y + size * 1.6], words };
}

describe('the kind of transaction', () => {
  it('comes from the title, not from a menu that lists every kind in smaller print', () => {
    const lines = [
      line('Inicio', 20, 70, 7),
      line('Transferencia exitosa', 300, 80, 9.3),
      line('Transferencias', 20, 145, 7),
      line('Pago Móvil', 20, 180, 7),
      line('Monto         Bs. 1.250,00', 300, 200, 7),
      line('Referencia    004512398811', 300, 240, 7),
    ];
    const kind = extractFields(lines, rules).fields.tipo_transaccion;
    expect(kind?.value).toBe('transferencia');
    expect(kind?.box[1]).toBe(80);
  });

  it('is read across a line break: "Comprobante de Pago" / "Móvil"', () => {
    const f = extractFields(drawPage(['Comprobante de Pago', 'Móvil', 'Monto      Bs. 80,00', 'Concepto   Pago curso']), rules).fields;
    expect(f.tipo_transaccion?.value).toBe('pago_movil');
    expect(f.tipo_transaccion?.raw).toMatch(/Pago Móvil$/u);
  });
});

describe('web banking tables', () => {
  it('reads a label its cell wrapped onto a second line, with the value beside its first line', () => {
    const lines = [
      // The OCR's row: the first line of the label, its value, and the next cell.
      line('HORA DE LA              10:09 a. m.                 Referencia bancaria:     76428881', 330, 200, 8),
      line('TRANSACCIÓN:', 330, 214, 8),
      line('Fecha        15/08/2026', 330, 260, 8),
    ];
    const f = extractFields(lines, rules).fields;
    expect(f.hora_operacion).toMatchObject({ value: '10:09', source: { label: 'HORA DE LA TRANSACCIÓN:' } });
    expect(f.referencia?.value).toBe('76428881');
  });

  it('takes a header\'s "Banco del Tesoro" for a name, not for the label "Banco"', () => {
    const f = extractFields(drawPage(['Banco del Tesoro     Inicio   Pagos   Salir', 'Pago Móvil realizado', 'Banco beneficiario     BANCO ACTIVO', 'Monto                  Bs. 5.848,71']), rules).fields;
    expect(f.banco_destino).toMatchObject({ value: '0171', source: { label: 'Banco beneficiario' } });
  });

  it('still reads a bank\'s name printed without a label when nothing else names the bank', () => {
    const f = extractFields(drawPage(['Transferencia exitosa', 'Monto          Bs. 75,00', 'Banco Exterior, C.A. Banco Universal']), rules).fields;
    expect(f.banco_destino?.value).toBe('0115');
  });

  it('ends a value at a column gap when the next cell\'s label is unknown', () => {
    const f = extractFields(drawPage(['Comprobante de Pago Móvil', 'A nombre de:   Ángel Briceño            TI.:   04243493794']), rules).fields;
    expect(f.beneficiario?.value).toBe('Ángel Briceño');
  });
});

describe('sentences', () => {
  it('joins a short first line to the paragraph below it', () => {
    const f = extractFields(drawPage(['You paid Rosángela Rodríguez', '$208.71 on Feb 9, 2026 at 11:48 PM.', 'Transaction reference:', '003693732942']), rules).fields;
    expect(f.beneficiario?.value).toBe('Rosángela Rodríguez');
    expect(f.fecha?.value).toBe('2026-02-09');
    expect(f.monto?.value).toBe('208.71');
  });

  it('reads a phone in brackets after the payee, broken across lines', () => {
    const f = extractFields(drawPage(['Enviaste VES 21.605,20 a Zulay González (+58', '426-6816517) en BBVA Provincial el 9 de mayo', 'de 2025 a las 9:04 p. m. Referencia 003140996106.']), rules).fields;
    expect(f.telefono?.value).toBe('04266816517');
    expect(f.beneficiario?.value).toBe('Zulay González');
  });

  it('never finds the cue "a" inside a name ("María Zambrano")', () => {
    const f = extractFields(drawPage(['Su transferencia fue procesada con éxito hoy', 'Titular María Zambrano Estatus Exitosa']), rules).fields;
    expect(f.beneficiario?.value).not.toBe('Zambrano Estatus Exitosa');
  });
});
