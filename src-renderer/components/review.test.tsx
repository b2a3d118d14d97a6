// @vitest-environment happy-dom
/**
 * The review form, the box overlay and the keyboard flow, rendered with React over a store
 * whose core is in memory (test-support/fake-core.ts).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { es } from '../i18n/es';
import { StoreContext } from '../state/context';
import { createStore } from '../state/store';
import { fakeCore, receipt } from '../test-support/fake-core';
import { whatsappMetadata } from '../../src-shared/extract/whatsapp';
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import { App } from './App';
import { fitScale, ReceiptPreview } from './ReceiptPreview';

afterEach(cleanup);

async function open(receipts = [receipt(1), receipt(2), receipt(3)]) {
  const core = fakeCore(receipts);
  const store = createStore(core.client);
  await store.getState().refresh();
  await store.getState().select(receipts[0]!.sha256);
  render(
    <StoreContext.Provider value={store}>
      <App client={core.client} />
    </StoreContext.Provider>,
  );
  return { core, store, user: userEvent.setup() };
}

describe('the box overlay', () => {
  it('draws each word in the image’s own pixels, whatever size the image is shown at', () => {
    const { container } = render(
      <StoreContext.Provider value={createStore(fakeCore([]).client)}>
        <ReceiptPreview detail={receipt(1)} imageUrl="/x" />
      </StoreContext.Provider>,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 400 800');
    const words = [...container.querySelectorAll('rect.word')];
    expect(words.map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))))).toEqual([
      [20, 200, 70, 30],
      [100, 200, 90, 30],
    ]);
    expect(words[1]!.textContent).toBe('1.250,75 (95 %)');
    // Each field's source box, a little larger than its words, in the field's colour.
    const fields = [...container.querySelectorAll('rect.field')];
    expect(fields).toHaveLength(2);
    expect(Number(fields[0]!.getAttribute('x'))).toBe(97);
    expect(fields[0]!.getAttribute('stroke')).not.toBe(fields[1]!.getAttribute('stroke'));
  });

  it('fits the image to its pane, never past its own pixels, and zoom multiplies that', () => {
    expect(fitScale({ width: 600, height: 700 }, { width: 400, height: 800 })).toBe(0.875);
    expect(fitScale({ width: 2000, height: 2000 }, { width: 400, height: 800 })).toBe(1);
    expect(fitScale({ width: 0, height: 0 }, { width: 400, height: 800 })).toBe(1);
  });
});

describe('picking words off the image', () => {
  it('a click on a word box puts its text in the field the cursor is in; Shift+click adds it; Enter saves', async () => {
    const { core, user } = await open();
    const referencia = screen.getByLabelText('Referencia') as HTMLInputElement;
    await user.click(referencia);
    const [monto, amount] = screen.getAllByTestId('word-box');
    await user.hover(amount!);
    expect(screen.getByTestId('hovered-word').textContent).toBe('«1.250,75» · 95 % · clic: a Referencia');
    await user.click(amount!);
    expect(referencia.value).toBe('1.250,75');
    expect(document.activeElement).toBe(referencia);
    await user.keyboard('{Shift>}');
    await user.click(monto!);
    await user.keyboard('{/Shift}');
    expect(referencia.value).toBe('1.250,75 Monto');
    await user.clear(referencia);
    await user.click(amount!);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(core.calls.filter((c) => c.channel === 'receipts:correct').map((c) => c.req)).toEqual([{ sha256: receipt(1).sha256, field: 'referencia', value: '1.250,75' }]));
  });

  it('Ctrl+Z right after a box click takes the click back in the field, not the search box’s typing', async () => {
    const { core, user } = await open();
    const search = screen.getByLabelText('Buscar en el historial') as HTMLInputElement;
    await user.type(search, 'r1');
    const referencia = screen.getByLabelText('Referencia') as HTMLInputElement;
    await user.click(referencia);
    const [monto, amount] = screen.getAllByTestId('word-box');
    await user.click(amount!);
    await user.keyboard('{Shift>}');
    await user.click(monto!);
    await user.keyboard('{/Shift}');
    expect(referencia.value).toBe('1.250,75 Monto');
    const undo = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    act(() => void referencia.dispatchEvent(undo));
    // Ours, not the browser's: the field is back to what it held, the search keeps its text.
    expect(undo.defaultPrevented).toBe(true);
    await waitFor(() => expect(referencia.value).toBe('123456'));
    expect(search.value).toBe('r1');
    // Nothing was saved, and once typed in, the field's own undo is the browser's again.
    expect(core.calls.filter((c) => c.channel === 'receipts:correct')).toEqual([]);
    await user.type(referencia, '7');
    const typedUndo = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    act(() => void referencia.dispatchEvent(typedUndo));
    expect(typedUndo.defaultPrevented).toBe(false);
  });

  it('zooms in and out with the keys outside the fields', async () => {
    const { user } = await open();
    expect(screen.getByTestId('zoom').textContent).toBe('100 %');
    await user.keyboard('++');
    expect(screen.getByTestId('zoom').textContent).toBe('200 %');
    await user.keyboard('-');
    expect(screen.getByTestId('zoom').textContent).toBe('150 %');
    await user.keyboard('0');
    expect(screen.getByTestId('zoom').textContent).toBe('100 %');
  });
});

describe('the review form', () => {
  it('shows the 16 fields, marks a low-confidence one, and saves a correction on Enter', async () => {
    const { core, user } = await open();
    expect(within(screen.getByRole('region', { name: 'Campos' })).getAllByRole('textbox')).toHaveLength(16);
    expect(screen.getByTestId('field-referencia').className).toContain('low');
    expect(screen.getByTestId('field-monto').className).not.toContain('low');
    const monto = screen.getByLabelText('Monto');
    await user.clear(monto);
    await user.type(monto, '1250.80{Enter}');
    await waitFor(() => expect(screen.getByTestId('field-monto')).toHaveProperty('textContent', expect.stringContaining('Corregido · el OCR leyó «1.250,75 Bs»')));
    expect(core.calls.filter((c) => c.channel === 'receipts:correct').map((c) => c.req)).toEqual([{ sha256: receipt(1).sha256, field: 'monto', value: '1250.80' }]);
  });

  it('shows the core’s reason under a refused value and keeps what was typed', async () => {
    const { user } = await open();
    const monto = screen.getByLabelText('Monto');
    await user.clear(monto);
    await user.type(monto, 'cinco mil{Enter}');
    // The reason in the window's words: the field's name is the form's, not the key `monto`.
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '«cinco mil» no es un valor válido de este campo.');
    expect((monto as HTMLInputElement).value).toBe('cinco mil');
    await user.keyboard('{Escape}');
    expect((monto as HTMLInputElement).value).toBe('1250.75');
  });
});

describe('the WhatsApp data in the file name', () => {
  it('shows each value, each automatic correction with what the name said, and each problem', async () => {
    // Sorteo "3" becomes "C", the date is turned around; the time is not one.
    await open([receipt(1, { metadata: whatsappMetadata('23-11-2026-3--584121234567@c.us_ana_99-99.png') as ReceiptDetail['metadata'] })]);
    expect(screen.getByTestId('meta-numerosorteo').textContent).toBe('SorteoC corregido; el archivo decía «3»');
    expect(screen.getByTestId('meta-fechasorteo').textContent).toContain('20261123');
    expect(screen.getByTestId('meta-horamin').className).toContain('invalid');
    expect(screen.getByTestId('metadata').querySelector('h3')!.textContent).toContain('problema');
  });
});

describe('the rules editor', () => {
  it('checks the rules as they are typed, tries them on the open receipt, and saves only valid ones', async () => {
    const { core, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Ajustes' }));
    const editor = (await screen.findByLabelText('Reglas de extracción (JSON)')) as HTMLTextAreaElement;
    const good = editor.value;
    expect(screen.getByTestId('rules-check').textContent).toMatch(/^Reglas válidas/);
    const save = screen.getByRole('button', { name: 'Guardar reglas' });
    expect(save).toHaveProperty('disabled', true); // nothing changed yet

    fireEvent.change(editor, { target: { value: good.replace('"fields"', '"fieldz"') } });
    expect(screen.getByTestId('rules-check').textContent).toContain('$.fieldz');
    expect(save).toHaveProperty('disabled', true);

    const edited = JSON.stringify({ ...JSON.parse(good), revision: 'prueba' }, null, 2);
    fireEvent.change(editor, { target: { value: edited } });
    expect(screen.getByTestId('rules-check').textContent).toBe('Reglas válidas (revisión prueba).');
    await user.click(screen.getByRole('button', { name: 'Probar con el comprobante abierto' }));
    const trial = screen.getByTestId('rules-trial');
    expect(within(trial).getAllByRole('row')).toHaveLength(17);
    expect(within(trial).getByText('Monto').parentElement!.textContent).toBe('Monto1250.751250.75');
    await user.click(save);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Reglas guardadas'));
    expect(core.calls.filter((c) => c.channel === 'rules:set').map((c) => c.req.text)).toEqual([edited]);
  });
});

describe('the keyboard flow', () => {
  it('Enter on an unchanged field approves and opens the next receipt waiting; F flags; Ctrl+Z undoes a correction', async () => {
    const { core, store, user } = await open([receipt(1), receipt(2, { review: 'approved' }), receipt(3)]);
    await user.click(screen.getByLabelText('Fecha'));
    await user.keyboard('{Enter}');
    // r2 is already approved: r3 is next.
    await waitFor(() => expect(store.getState().selected).toBe(receipt(3).sha256));
    expect(core.receipts.get(receipt(1).sha256)!.review).toBe('approved');

    // Outside the fields: F flags the open receipt, Ctrl+Z takes back its last correction.
    const monto = await screen.findByLabelText('Monto');
    await user.clear(monto);
    await user.type(monto, '99{Enter}');
    await waitFor(() => expect((screen.getByLabelText('Monto') as HTMLInputElement).value).toBe('99'));
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('f');
    await waitFor(() => expect(screen.getByTestId('review-state').textContent).toBe('Marcado'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect((screen.getByLabelText('Monto') as HTMLInputElement).value).toBe('1250.75'));
    expect(core.calls.filter((c) => c.channel === 'receipts:correct').map((c) => c.req.value)).toEqual(['99', null]);
    // ↑ goes back up the list.
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(store.getState().selected).toBe(receipt(2).sha256));
  });

  it('a possible duplicate says so at the top, with a way to the first one', async () => {
    const { store, user } = await open([receipt(1, { duplicateOf: receipt(2).sha256, duplicateOfFile: 'r2.png' }), receipt(2)]);
    expect(screen.getByTestId('duplicate-banner').textContent).toContain('«r2.png»');
    await user.click(screen.getByRole('button', { name: 'Abrir el primero' }));
    await waitFor(() => expect(store.getState().selected).toBe(receipt(2).sha256));
  });
});

describe('the window’s language', () => {
  afterEach(() => setLanguage('es'));

  it('is Spanish by default and switches to English at once, fields and buttons included', async () => {
    await open();
    expect(document.documentElement.lang).not.toBe('en');
    expect(screen.getByLabelText('Monto')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Aprobar/ })).toBeTruthy();
    act(() => setLanguage('en'));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByLabelText('Amount')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Approve/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Aprobar/ })).toBeNull();
    // Kept on this computer for the next start.
    expect(localStorage.getItem('recibo.language')).toBe('en');
  });
});

describe('what a reading could not vouch for, and labels learned from the operator', () => {
  it('shows why a reading needs review, and where each value came from', async () => {
    await open([receipt(1, { warnings: [{ code: 'no_reference', message: 'No reference number was found on this receipt.' }] })]);
    const banner = screen.getByTestId('warnings');
    expect(within(banner).getByText('no se encontró la referencia').getAttribute('title')).toBe('No reference number was found on this receipt.');
    expect(screen.getByTestId('source-monto').textContent).toBe('de la etiqueta «Monto»');
  });

  it('offers to learn the label before a clicked value, adds it to the rules file, and undoes it', async () => {
    const line = {
      text: 'Abonado en Bancaribe',
      confidence: 0.97,
      box: [20, 300, 300, 330] as [number, number, number, number],
      words: [
        { text: 'Abonado', confidence: 0.98, box: [20, 300, 110, 330] as [number, number, number, number] },
        { text: 'en', confidence: 0.98, box: [120, 300, 150, 330] as [number, number, number, number] },
        { text: 'Bancaribe', confidence: 0.97, box: [200, 300, 300, 330] as [number, number, number, number] },
      ],
    };
    const { core, user } = await open([receipt(1, { lines: [line] })]);
    const before = ((await core.client.invoke('rules:get', {})) as { ok: true; value: { text: string } }).value.text;
    await user.click(screen.getByLabelText(es.fields.banco_destino));
    await user.click(screen.getAllByTestId('word-box')[2]!);
    const offer = await screen.findByTestId('learn-offer');
    await user.click(within(offer).getByRole('button', { name: `Añadir «Abonado en» como etiqueta de ${es.fields.banco_destino}` }));
    await screen.findByTestId('learned');
    const saved = core.calls.filter((c) => c.channel === 'rules:set').map((c) => JSON.parse(String(c.req.text)) as { fields: Record<string, { labels: string[] }> });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fields.banco_destino!.labels.at(-1)).toBe('Abonado en');
    await user.click(screen.getByRole('button', { name: 'Deshacer' }));
    await waitFor(() => expect(screen.queryByTestId('learned')).toBeNull());
    expect(core.calls.filter((c) => c.channel === 'rules:set').at(-1)!.req.text).toBe(before);
  });
});
