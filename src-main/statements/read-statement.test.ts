import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetAvailable, SHARED_DATASETS } from '../test-support/datasets';
import { StatementFormatError } from './table';
import { decodeStatement, readStatement } from './read-statement';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a statement file', () => {
  it('tells each format by its content and reads its movements', async () => {
    const qif = '!Tipo:Banco\r\nD01/10/2019\r\nT+13.000.000,00\r\nN00000559762\r\nPTRF.OB 0174 J000000000\r\n^\r\nD02/10/2019\r\nT-1.500,50\r\nN00000567090\r\nPCOMISION\r\n^\r\n';
    expect(await readStatement(bytes(qif), 'q')).toEqual({
      format: 'qif',
      movements: [
        { statementId: 'q', line: 2, date: '2019-10-01', reference: '00000559762', description: 'TRF.OB 0174 J000000000', amount: '13000000.00', direction: 'credit' },
        { statementId: 'q', line: 7, date: '2019-10-02', reference: '00000567090', description: 'COMISION', amount: '1500.50', direction: 'debit' },
      ],
    });
    const mt940 = ':20:X\r\n:25:0001\r\n:60F:C191001VES100,00\r\n:61:1910021002C7020,00NMSCNONREF//23900192151\r\n:86:670?00PAGO MOVIL?21SALDO: 7.120,00\r\n:62F:C191002VES7120,00\r\n';
    expect((await readStatement(bytes(mt940), 'm')).movements).toEqual([{ statementId: 'm', line: 4, date: '2019-10-02', reference: '23900192151', description: '670 PAGO MOVIL SALDO: 7.120,00', amount: '7020.00', direction: 'credit' }]);
    const fixed = (date: string, ref: string, desc: string, debit: string, credit: string, type: string) => `${'0'.repeat(20)}${date}${ref.padStart(13, '0')}${desc.padEnd(30)}${debit.padStart(18, '0')}${credit.padStart(18, '0')}${'0'.repeat(18)}${type}0000`;
    const bdv = [fixed('01102019', '0', 'SALDO INICIAL', '0', '0', 'SI'), fixed('02102019', '86691363720', 'ABO TRASP', '0', '1600000000', 'NC'), fixed('03102019', '2217', 'COM MANTENIMIENTO', '83300', '0', 'ND')].join('\r\n');
    expect((await readStatement(bytes(bdv), 'b')).movements.map((m) => [m.date, m.reference, m.amount, m.direction])).toEqual([
      ['2019-10-02', '0086691363720', '16000000.00', 'credit'],
      ['2019-10-03', '0000000002217', '833.00', 'debit'],
    ]);
    const provincial = '00,0098,191001,\n11,0108,2431,0100014904,190901,190901,2,00155080431019,928,3,X,\n22,0108,4905,190902,190902,00,507,2,00000120000000,0000021050,TPBW V0000000000   010824192,,\n88,0098,00001,\n';
    expect((await readStatement(bytes(provincial), 'p')).movements).toEqual([{ statementId: 'p', line: 3, date: '2019-09-02', reference: '0000021050', description: 'TPBW V0000000000   010824192', amount: '1200000.00', direction: 'credit' }]);
    expect(await readStatement(bytes('Fecha;Referencia;Monto\n01/02/2024;1;10,00\n'), 'd')).toMatchObject({ format: 'delimited', table: { decimalMark: ',', mappingFrom: 'recognised' } });
  });

  it('decodes Windows-1252 exports, and says plainly what it cannot read', async () => {
    const latin1 = Uint8Array.from([...'Fecha;Descripci'].map((c) => c.charCodeAt(0)).concat([0xf3, 0x6e]));
    expect(decodeStatement(latin1)).toBe('Fecha;Descripción');
    const refused = async (file: Uint8Array) => (await readStatement(file, 'x').then(() => null, (e: Error) => e))!;
    expect(await refused(bytes('<html><table></table></html>'))).toBeInstanceOf(StatementFormatError);
    expect((await refused(new Uint8Array(0))).message).toBe('The file is empty.');
    expect((await refused(new Uint8Array(11 * 1024 * 1024))).message).toMatch(/at most 10 MB/);
    expect((await refused(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toMatch(/Excel 97-2003 .*save it as \.xlsx or CSV/);
    expect((await refused(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).message).toMatch(/not a statement/);
    expect((await refused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).message).toMatch(/not a statement/);
    expect((await refused(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff]))).message).toMatch(/damaged: it is not a readable \.xlsx file/);
  });

  it('refuses a file with a broken row, naming its line, and reads none of it', async () => {
    const text = (amount: string, date = '02/10/2024') => bytes(`Fecha;Referencia;Descripción;Monto\r\n01/10/2024;11111111;PAGO;10,00\r\n${date};22222222;PAGO;${amount}\r\n`);
    expect((await readStatement(text('20,00'), 'x')).movements).toHaveLength(2);
    await expect(readStatement(text('20,0,0'), 'x')).rejects.toThrow('Line 3: "20,0,0" is not an amount');
    await expect(readStatement(text('20,00', '31/02/2024'), 'x')).rejects.toThrow('Line 3: "31/02/2024" is not a date');
    // A date column holding words marks a row that is not a movement: kept aside, not refused.
    expect((await readStatement(text('', 'Saldo final'), 'x')).table!.skipped).toEqual([{ line: 3, reason: 'Saldo final' }]);
  });

  it.runIf(datasetAvailable('statements'))('reads every sample of ../shared/datasets/statements', async () => {
    // [format, whether the sample holds credits]: Mercantil's and Banplus's months are fees and taxes only.
    const samples: Record<string, [string, boolean]> = {
      'SEPTIEMBRE2019PROVINCIAL.csv': ['provincial-records', true],
      'OCTUBRE2019Venezuela.fix.txt': ['bdv-fixed', true],
      'OCTUBRE2019BANESCO.qif': ['qif', true],
      'Octubre2019Mercantil.Mt940.txt': ['mt940', false],
      'BNC_TKR.tsv': ['delimited', true],
      'Banplus_Estado_de_cuenta.txt': ['delimited', false],
    };
    for (const [file, [format, hasCredits]] of Object.entries(samples)) {
      const read = await readStatement(readFileSync(path.join(SHARED_DATASETS, 'statements', file)), file);
      expect(read.format, file).toBe(format);
      expect(read.movements.length, file).toBeGreaterThan(0);
      for (const m of read.movements) {
        expect(m.date, file).toMatch(/^20\d{2}-\d{2}-\d{2}$/);
        expect(m.amount, file).toMatch(/^\d+\.\d{2}$/);
      }
      expect(read.movements.some((m) => m.direction === 'credit'), `${file}: credits`).toBe(hasCredits);
    }
  });
});

describe('a record-format statement with a broken record', () => {
  it('is refused, naming the line', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    await expect(readStatement(bytes('!Type:Bank\nD01/10/2019\nT+13.000.000,00\n^\nD32/10/2019\nT+1,00\n^\n'), 'q')).rejects.toThrow('Line 5 is not one of the QIF records');
    await expect(readStatement(bytes(':20:X\n:25:0001\n:60F:C191001VES100,00\n:61:1910021002C7020,00NMSCNONREF//239\n:61:19100X1002C1,00NMSC//1\n'), 'm')).rejects.toThrow('Line 5 is not one of the MT940 statement lines');
    const fixed = (date: string, credit: string) => `${'0'.repeat(20)}${date}${'1'.padStart(13, '0')}${'ABO'.padEnd(30)}${'0'.repeat(18)}${credit.padStart(18, '0')}${'0'.repeat(18)}NC0000`;
    await expect(readStatement(bytes([fixed('02102019', '100'), fixed('03102019', '1O0')].join('\n')), 'b')).rejects.toThrow('Line 2 is not one of the Banco de Venezuela fixed-width lines');
  });
});
