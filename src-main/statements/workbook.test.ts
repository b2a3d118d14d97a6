import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readStatement } from './read-statement';
import { StatementFormatError } from './table';

/** Windows-1252 bytes of a text (what web banking on Windows saves). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));

describe('statements saved from spreadsheets and web banking', () => {
  it('reads an .xlsx workbook: the sheet with the statement, dates and numbers as cells, rows numbered as in the sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Resumen').addRows([['Cuenta', '0102-0000-00-0000000000'], ['Saldo', 1500]]);
    const sheet = workbook.addWorksheet('Movimientos');
    sheet.addRow(['Banco de Venezuela: movimientos de octubre']);
    sheet.addRow([]);
    sheet.addRow(['Fecha', 'Referencia', 'Descripción', 'Débito', 'Crédito', 'Saldo']);
    sheet.addRow([new Date(Date.UTC(2024, 9, 1)), '000559762', { richText: [{ text: 'PAGO MOVIL ' }, { text: 'RECIBIDO' }] }, null, 1250.75, 2750.75]);
    sheet.addRow([new Date(Date.UTC(2024, 9, 2)), 1234567, 'COMISION', 1.5, null, { formula: 'F4-D5', result: 2749.25 }]);
    sheet.addRow(['Total', null, null, 1.5, 1250.75, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readStatement(bytes, 'oct.xlsx');
    expect(read.format).toBe('xlsx');
    expect(read.table).toMatchObject({ name: 'Movimientos', headerLine: 3, mappingFrom: 'recognised', skipped: [{ line: 6, reason: 'Total' }] });
    expect(read.movements).toEqual([
      { statementId: 'oct.xlsx', line: 4, date: '2024-10-01', reference: '000559762', description: 'PAGO MOVIL RECIBIDO', amount: '1250.75', direction: 'credit' },
      { statementId: 'oct.xlsx', line: 5, date: '2024-10-02', reference: '1234567', description: 'COMISION', amount: '1.50', direction: 'debit' },
    ]);
  });

  it('reads a web page saved as .xls in Windows-1252: the table with the statement, not the page layout around it', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Estado de cuenta</title></head><body>
      <table><tr><td><img src="logo.gif"></td><td>Banco Nacional de Crédito</td></tr>
      <tr><td colspan="2"><table border="1">
        <tr><th>Fecha</th><th>Descripci&oacute;n</th><th>Referencia</th><th>Monto</th><th>Saldo</th></tr>
        <tr><td>05/11/2024</td><td>CR.I/REC 0134 V12345678&nbsp;</td><td>75572442</td><td>1.234,56</td><td>5.000,00</td></tr>
        <tr><td>06/11/2024</td><td colspan="2">COMISIÓN POR SERVICIO</td><td>-12,00</td><td>4.988,00</td></tr>
      </table></td></tr></table></body></html>`;
    const read = await readStatement(cp1252(page), 'movimientos.xls');
    expect(read.format).toBe('html-table');
    expect(read.table).toMatchObject({ header: ['Fecha', 'Descripción', 'Referencia', 'Monto', 'Saldo'], decimalMark: ',', dateOrder: 'dmy' });
    expect(read.movements).toEqual([
      { statementId: 'movimientos.xls', line: 2, date: '2024-11-05', reference: '75572442', description: 'CR.I/REC 0134 V12345678', amount: '1234.56', direction: 'credit' },
      { statementId: 'movimientos.xls', line: 3, date: '2024-11-06', reference: '', description: 'COMISIÓN POR SERVICIO', amount: '12.00', direction: 'debit' },
    ]);
  });

  it("reads Excel's XML Spreadsheet 2003, where a cell's index skips the empty ones", async () => {
    const xml = `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
      <Worksheet ss:Name="Estado"><Table>
        <Row><Cell><Data ss:Type="String">Fecha</Data></Cell><Cell><Data ss:Type="String">Referencia</Data></Cell><Cell><Data ss:Type="String">Debe</Data></Cell><Cell><Data ss:Type="String">Haber</Data></Cell></Row>
        <Row><Cell><Data ss:Type="DateTime">2024-11-05T00:00:00.000</Data></Cell><Cell><Data ss:Type="String">00965664</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">300.5</Data></Cell></Row>
      </Table></Worksheet></Workbook>`;
    const read = await readStatement(new TextEncoder().encode(xml), 'estado.xml');
    expect(read.format).toBe('xml-spreadsheet');
    expect(read.movements).toEqual([{ statementId: 'estado.xml', line: 2, date: '2024-11-05', reference: '00965664', description: '', amount: '300.50', direction: 'credit' }]);
  });

  it('refuses a workbook with no statement table, and one that would unpack to far more than a statement', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hoja1').addRows([['Nombre', 'Teléfono'], ['Ana', '0414']]);
    await expect(readStatement(new Uint8Array(await workbook.xlsx.writeBuffer()), 'x.xlsx')).rejects.toThrow('No row among the first 30 names a date column and money columns');
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(120 * 1024 * 1024));
    const packed = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(packed.length).toBeLessThan(2 * 1024 * 1024);
    const refusal = await readStatement(packed, 'bomb.xlsx').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StatementFormatError);
    expect((refusal as Error).message).toMatch(/unpacks to 120 MB; a statement unpacks to at most 100 MB/);
  });
});
