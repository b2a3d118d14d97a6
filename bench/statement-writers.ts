/**
 * Statements written as each bank exports them, from a list of movements: for the round-trip
 * tests of every format the reader knows, and for the reconciliation benchmark's generated
 * statements (bench/reconcile.ts). Each writer follows the sample of its bank in
 * ../shared/datasets/statements (README there): separators, date orders, decimal marks,
 * implied decimals, encodings.
 */
import ExcelJS from 'exceljs';

export interface WrittenMovement {
  /** YYYY-MM-DD. */
  date: string;
  reference: string;
  description: string;
  /** Canonical: "1250.75". */
  amount: string;
  direction: 'credit' | 'debit';
}

export type StatementFormatName = 'csv-1252' | 'bnc-tsv' | 'qif' | 'mt940' | 'html-xls' | 'xlsx' | 'bdv-fixed' | 'provincial';

const [YEAR, MONTH, DAY] = [0, 1, 2];
const parts = (date: string) => date.split('-');
const dmy = (date: string) => `${parts(date)[DAY]}/${parts(date)[MONTH]}/${parts(date)[YEAR]}`;
const mdy = (date: string) => `${parts(date)[MONTH]}/${parts(date)[DAY]}/${parts(date)[YEAR]}`;
const yymmdd = (date: string) => date.slice(2).replaceAll('-', '');

/** "1234567.50" as "1.234.567,50" (Venezuelan) or "1,234,567.50". */
function grouped(amount: string, mark: ',' | '.'): string {
  const [whole, cents = '00'] = amount.split('.');
  const thousands = mark === ',' ? '.' : ',';
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, thousands)}${mark}${cents.padEnd(2, '0')}`;
}

/** An amount as digits with two implied decimals, zero-padded to `width`. */
const implied = (amount: string, width: number) => amount.replace('.', '').padStart(width, '0');

/** Windows-1252 bytes (the text's characters are all in Latin-1 here). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
const utf8 = (text: string) => new TextEncoder().encode(text);

function runningBalances(movements: readonly WrittenMovement[]): string[] {
  let cents = 1_000_000n;
  return movements.map((m) => {
    const c = BigInt(m.amount.replace('.', ''));
    cents += m.direction === 'credit' ? c : -c;
    return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  });
}

/** The statement file of `movements` in `format`. */
export async function writeStatement(format: StatementFormatName, movements: readonly WrittenMovement[]): Promise<Uint8Array> {
  const balances = runningBalances(movements);
  switch (format) {
    case 'csv-1252':
      return cp1252(['Fecha;Referencia;Descripción;Débito;Crédito;Saldo', ...movements.map((m, i) => `${dmy(m.date)};${m.reference};${m.description};${m.direction === 'debit' ? grouped(m.amount, ',') : ''};${m.direction === 'credit' ? grouped(m.amount, ',') : ''};${grouped(balances[i]!, ',')}`)].join('\r\n'));
    case 'bnc-tsv':
      return utf8(['Fecha\tReferencia\tDescripción\tMonto\tSaldo', ...movements.map((m, i) => `${mdy(m.date)}\t${String(4_500_000_000 + i)}\t${m.description}\t${m.direction === 'debit' ? '-' : ''}${grouped(m.amount, '.')}\t${grouped(balances[i]!, '.')}`)].join('\r\n'));
    case 'qif':
      return utf8(['!Type:Bank', ...movements.flatMap((m) => [`D${dmy(m.date)}`, `T${m.direction === 'debit' ? '-' : '+'}${grouped(m.amount, ',')}`, `N${m.reference}`, `P${m.description}`, '^'])].join('\r\n'));
    case 'mt940':
      return utf8([':20:STATEMENT', ':25:01050000000000000000', ':28C:1/1', ':60F:C250101VES10000,00', ...movements.flatMap((m) => [`:61:${yymmdd(m.date)}${yymmdd(m.date).slice(2)}${m.direction === 'credit' ? 'C' : 'D'}${m.amount.replace('.', ',')}NMSCNONREF//${m.reference}`, `:86:${m.description}`]), ':62F:C250131VES10000,00'].join('\r\n'));
    case 'html-xls': {
      const cell = (text: string) => `<td>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</td>`;
      const rows = movements.map((m, i) => `<tr>${cell(dmy(m.date))}${cell(m.description)}${cell(m.reference)}${cell(`${m.direction === 'debit' ? '-' : ''}${grouped(m.amount, ',')}`)}${cell(grouped(balances[i]!, ','))}</tr>`);
      return cp1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><table><tr><td>Estado de cuenta</td></tr></table><table border="1"><tr><th>Fecha</th><th>Descripción</th><th>Referencia</th><th>Monto</th><th>Saldo</th></tr>${rows.join('')}</table></body></html>`);
    }
    case 'xlsx': {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Movimientos');
      sheet.addRows([['Movimientos de la cuenta'], [], ['Fecha', 'Referencia', 'Concepto', 'Cargos', 'Abonos', 'Saldo']]);
      movements.forEach((m, i) => sheet.addRow([new Date(`${m.date}T00:00:00Z`), m.reference, m.description, m.direction === 'debit' ? Number(m.amount) : null, m.direction === 'credit' ? Number(m.amount) : null, Number(balances[i])]));
      return new Uint8Array(await book.xlsx.writeBuffer());
    }
    case 'bdv-fixed':
      return utf8(movements.map((m, i) => `${'0'.repeat(20)}${dmy(m.date).replaceAll('/', '')}${m.reference.slice(-13).padStart(13, '0')}${m.description.slice(0, 30).padEnd(30)}${implied(m.direction === 'debit' ? m.amount : '0.00', 18)}${implied(m.direction === 'credit' ? m.amount : '0.00', 18)}${implied(balances[i]!, 18)}${m.direction === 'credit' ? 'NC' : 'ND'}0000`).join('\r\n'));
    case 'provincial':
      return utf8(['00,0098,250101,', '11,0108,2431,0100014904,250101,250101,2,00155080431019,928,3,X,', ...movements.map((m) => `22,0108,4905,${yymmdd(m.date)},${yymmdd(m.date)},00,507,${m.direction === 'credit' ? 2 : 1},${implied(m.amount, 14)},${m.reference},${m.description},,`), '88,0098,00001,'].join('\r\n'));
  }
}
