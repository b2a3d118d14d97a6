import { describe, expect, it } from 'vitest';
import { splitIntakeName, validateMetadata, whatsappMetadata, WhatsappMetadataSchema, type WhatsappMetadata } from './whatsapp';

const parsed = (name: string): WhatsappMetadata => WhatsappMetadataSchema.parse(whatsappMetadata(name));

describe('WhatsApp file-name metadata', () => {
  it('reads a name that follows the convention, with nothing to correct', () => {
    const m = parsed('20250711-A--123456@lid_Juan_14-30.png');
    expect(m).toMatchObject({ fechasorteo: '20250711', numerosorteo: 'A', idWhatsapp: '123456@lid', nombre: 'Juan', horamin: '14-30' });
    expect(m.validation).toEqual({
      valid: true, errors: [], warnings: [], corrections: {},
      corrected: { fechasorteo: '20250711', numerosorteo: 'A', idWhatsapp: '123456@lid', nombre: 'Juan', horamin: '14-30' },
    });
  });

  it('keeps the extra parts after the time out of the values, and names with underscores whole', () => {
    expect(splitIntakeName('/in/20250711-07--58412@lid_Ana_Maria_09-05_copia 2.jpeg')).toEqual({
      fechasorteo: '20250711', numerosorteo: '07', idWhatsapp: '58412@lid', nombre: 'Ana Maria', horamin: '09-05',
    });
  });

  // Each correction the domain note lists, reported with what the name said.
  it.each([
    ['numerosorteo 1-9 becomes A-I', '20250711-3--1@lid_Juan_14-30.png', 'numerosorteo', '3', 'C'],
    ['DD-MM-YYYY becomes YYYYMMDD', '11-07-2025-A--1@lid_Juan_14-30.png', 'fechasorteo', '11-07-2025', '20250711'],
    ['@c.us becomes @lid', '20250711-A--584121234567@c.us_Juan_14-30.png', 'idWhatsapp', '584121234567@c.us', '584121234567@lid'],
    ['a bare number gets @lid', '20250711-A--584121234567_Juan_14-30.png', 'idWhatsapp', '584121234567', '584121234567@lid'],
    ['HH:MM becomes HH-MM', '20250711-A--1@lid_Juan_14:30.png', 'horamin', '14:30', '14-30'],
    ['H-MM gets its leading zero', '20250711-A--1@lid_Juan_9-30.png', 'horamin', '9-30', '09-30'],
    ['the name is capitalised', '20250711-A--1@lid_juan_14-30.png', 'nombre', 'juan', 'Juan'],
  ])('%s', (_, name, field, from, to) => {
    const m = parsed(name);
    expect(m.validation.corrections).toEqual({ [field]: { from, to } });
    expect(m[field as keyof typeof m]).toBe(to);
    expect(m.validation.corrected[field as keyof WhatsappMetadata['validation']['corrected']]).toBe(to);
    expect(m.validation.warnings).toEqual([expect.objectContaining({ field, code: 'corrected' })]);
    expect(m.validation.valid).toBe(true);
  });

  it('corrects DD/MM/YYYY, which a file name cannot hold but metadata given apart can', () => {
    const m = validateMetadata({ fechasorteo: '11/07/2025', numerosorteo: 'A', idWhatsapp: '1@lid', nombre: 'Juan', horamin: '14-30' });
    expect(m.validation.corrections).toEqual({ fechasorteo: { from: '11/07/2025', to: '20250711' } });
    expect(m.validation.valid).toBe(true);
  });

  it.each([
    ['numerosorteo', '20250711-AB--1@lid_Juan_14-30.png', 'format'],
    ['numerosorteo', '20250711-100--1@lid_Juan_14-30.png', 'format'],
    ['fechasorteo', '2025071-A--1@lid_Juan_14-30.png', 'format'],
    ['fechasorteo', '20250231-A--1@lid_Juan_14-30.png', 'range'],
    ['horamin', '20250711-A--1@lid_Juan_24-00.png', 'range'],
    ['horamin', '20250711-A--1@lid_Juan_14-60.png', 'range'],
  ])('refuses a bad %s (%s)', (field, name, code) => {
    const m = parsed(name);
    expect(m.validation.valid).toBe(false);
    expect(m.validation.errors).toEqual([expect.objectContaining({ field, code })]);
    expect(m.validation.errors[0]!.message).toMatch(new RegExp(field));
  });

  it('warns, without refusing, about a short name and a foreign id suffix', () => {
    const m = parsed('20250711-A--123@s.whatsapp.net_J_14-30.png');
    expect(m.validation.valid).toBe(true);
    expect(m.validation.warnings.map((w) => [w.field, w.code])).toEqual([['idWhatsapp', 'suffix'], ['nombre', 'short']]);
  });

  it.each(['IMG-20250711-WA0003.jpg', 'comprobante.png', '20250711-A-123@lid_Juan_14-30.png', '20250711-A--123@lid.png', '-A--1@lid_Juan_14-30.png'])(
    'gives {} for a name outside the convention: %s',
    (name) => expect(whatsappMetadata(name)).toEqual({}),
  );
});
