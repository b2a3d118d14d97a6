import { describe, expect, it } from 'vitest';
import { extractFields } from './extract';
import { addLabel, knownLabel, labelBefore } from './learn-label';
import { parseRulesText } from './rules';
import { drawPage } from './test-page';
import { shippedRules } from './test-rules';
import type { Fields } from './types';

const rules = shippedRules();
const read = (rows: string[]) => extractFields(drawPage(rows), rules);
const values = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));

describe('bank roles from labels and sections', () => {
  it('gives each bank its labelled role: "Banco emisor" is not the payee\'s "Banco"', () => {
    const f = read(['Pago Móvil exitoso', 'Monto             Bs. 1.250,00', 'Banco emisor      Banco del Tesoro (0163)', 'Banco destino     Banco Exterior (0115)', 'Referencia        004512398811']).fields;
    expect(values(f)).toMatchObject({ banco_origen: '0163', banco_destino: '0115', monto: '1250.00', referencia: '004512398811' });
    expect(f.banco_destino!.source).toEqual({ via: 'right', label: 'Banco destino' });
  });

  it('scopes generic labels to their section: payer and payee are never swapped', () => {
    const f = read([
      'Transferencia exitosa',
      'Monto             Bs. 320,50',
      'Referencia        88123456',
      'Datos del ordenante',
      'Nombre            Carlos Mendoza',
      'Cédula            V-9.876.543',
      'Banco             Banesco',
      'Datos del beneficiario',
      'Nombre            María Pérez',
      'Cédula            V-12.345.678',
      'Banco             Banco Mercantil',
    ]).fields;
    expect(values(f)).toMatchObject({ banco_origen: '0134', banco_destino: '0105', beneficiario: 'María Pérez', cedula: 'V-12345678' });
  });

  it('lets a labelled bank beat the app\'s own header', () => {
    const f = read(['BBVA Provincial', 'Comprobante', 'Monto            Bs. 75,00', 'Banco receptor   Bancamiga', 'Referencia       55667788']).fields;
    expect(f.banco_destino).toMatchObject({ value: '0172', source: { via: 'right', label: 'Banco receptor' } });
  });

  it('knows label variants operators meet: receptor, titular, referencia bancaria, confirmación', () => {
    const f = read(['Monto                  Bs. 10,00', 'Banco receptor         Banplus', 'Titular                Ana Ruiz', 'Cédula del titular     V-20.111.222', 'Referencia bancaria    7712345678']).fields;
    expect(values(f)).toMatchObject({ banco_destino: '0174', beneficiario: 'Ana Ruiz', cedula: 'V-20111222', referencia: '7712345678' });
    expect(read(['Monto   Bs. 5,00', 'Nro. de confirmación   99887766']).fields.referencia?.value).toBe('99887766');
  });
});

describe('amount, fee and total', () => {
  it('takes the amount from a grid of Monto / Comisión / Total and checks the sum', () => {
    const r = read(['Monto              Comisión', 'Bs. 1.000,00       Bs. 3,00', 'Total              Referencia', 'Bs. 1.003,00       123456789']);
    expect(r.fields.monto?.value).toBe('1000.00');
    expect(r.amountCheck).toEqual({ fee: '3.00', total: '1003.00' });
  });

  it('reports fee and total when they do not add up, for the warning to say so', () => {
    const r = read(['Monto      Bs. 100,00', 'Comisión   Bs. 2,00', 'Total      Bs. 150,00', 'Referencia 123456']);
    expect(r.fields.monto?.value).toBe('100.00');
    expect(r.amountCheck).toEqual({ fee: '2.00', total: '150.00' });
  });
});

describe('receipts written as sentences', () => {
  it('reads a Spanish sentence receipt wrapped over several rows', () => {
    const f = read(['Pago Móvil', 'Enviaste Bs. 150,00 a María Pérez (0414-1234567) en', 'Banco Mercantil el 12 de marzo de 2025 a las 3:45 p. m.', 'Número de referencia 0012345678.']).fields;
    expect(values(f)).toMatchObject({ monto: '150.00', beneficiario: 'María Pérez', telefono: '04141234567', banco_destino: '0105', fecha: '2025-03-12', hora_operacion: '15:45', referencia: '0012345678' });
  });

  it('reads an English wallet notice, a name never running into the month after it', () => {
    const f = read(['Notifications', 'Payment of $12.50 sent to Ramón Ordóñez', 'Nov 3, 2025 3:45 PM Ref 12345678']).fields;
    expect(values(f)).toMatchObject({ monto: '12.50', beneficiario: 'Ramón Ordóñez', fecha: '2025-11-03', hora_operacion: '15:45', referencia: '12345678' });
    expect(f.monto?.currency).toBe('USD');
  });

  it('does not take a chat clock for the time of an SMS forwarded in a chat', () => {
    const f = read(['Sra. Carmen', 'Buenas, ya le hice el pago', '15:43', 'Reenviado', 'Pago Movil enviado por Bs.', '11.850,21 al 04269115987, Ref:', '006924768434, fecha 01/01/2026', '13:15.', '15:43']).fields;
    expect(values(f)).toMatchObject({ monto: '11850.21', referencia: '006924768434', fecha: '2026-01-01', hora_operacion: '13:15', telefono: '04269115987' });
  });
});

describe('learning a label from the operator', () => {
  const text = JSON.stringify(rules);
  it('proposes the words before a clicked value when the rules do not know them', () => {
    expect(labelBefore(['Banco', 'pagado', 'a:'])).toBe('Banco pagado a');
    expect(labelBefore(['12/03/2025'])).toBeNull();
    expect(labelBefore([])).toBeNull();
    expect(knownLabel(text, 'Banco receptor')).toBe(true);
    expect(knownLabel(text, 'Abonado en')).toBe(false);
  });

  it('adds the label to the field\'s rule, and the new rules read the receipt', () => {
    const page = ['Monto   Bs. 5,00', 'Abonado en    Bancaribe'];
    expect(read(page).fields.banco_destino?.source.via).not.toBe('right');
    const added = addLabel(text, 'banco_destino', 'Abonado en');
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const learned = JSON.parse(added.text) as typeof rules;
    expect(learned.fields.banco_destino.labels).toContain('Abonado en');
    const parsed = parseRulesText(added.text);
    if (!parsed.ok) throw new Error('the learned rules must parse');
    expect(extractFields(drawPage(page), parsed.rules).fields.banco_destino).toMatchObject({ value: '0114', source: { via: 'right', label: 'Abonado en' } });
  });
});
