// @vitest-environment happy-dom
/**
 * The history list over a 100,000-receipt core: only the rows on screen exist, pages are fetched
 * as they scroll into view, the search reaches the core once the operator stops typing, and a
 * pin is sent and shown.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreContext } from '../state/context';
import { createStore } from '../state/store';
import { fakeCore, receipt } from '../test-support/fake-core';
import { HistoryList } from './HistoryList';

afterEach(cleanup);

// happy-dom lays nothing out: the list's scroll box is given the height it has in the window.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('scroller') ? 600 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

async function history(count: number) {
  const core = fakeCore([receipt(1), receipt(2)], { history: count });
  const store = createStore(core.client);
  await store.getState().refresh();
  render(
    <StoreContext.Provider value={store}>
      <HistoryList />
    </StoreContext.Provider>,
  );
  return { core, store, user: userEvent.setup() };
}

describe('the history list', () => {
  it('renders a window of rows out of 100,000 and fetches the pages scrolled to', async () => {
    const { core } = await history(100_000);
    expect(screen.getByTestId('history-total').textContent).toBe('100.002 en la lista');
    const rows = screen.getAllByTestId('receipt-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.textContent).toContain('r1.png');

    const scroller = screen.getByRole('listbox');
    await act(async () => {
      scroller.scrollTop = 72 * 99_990;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(screen.getAllByTestId('receipt-row').some((r) => r.textContent!.includes('r1100000.png'))).toBe(true));
    const offsets = core.calls.filter((c) => c.channel === 'receipts:list').map((c) => c.req.offset);
    // The first page, then the last ones: nothing in between was fetched.
    expect(offsets).toContain(99_900);
    expect(offsets.every((o) => o === 0 || Number(o) >= 99_800)).toBe(true);
    expect(screen.getAllByTestId('receipt-row').length).toBeLessThan(40);
  });

  it('a search that finds nothing says so, not the drop hint, and one click clears it', async () => {
    const { user } = await history(0);
    await user.type(screen.getByLabelText('Buscar en el historial'), 'zzz');
    const note = await screen.findByTestId('no-results');
    expect(note.textContent).toMatch(/^Ningún comprobante coincide con «zzz»\./);
    expect(screen.queryByText(/Suelte aquí las capturas/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }));
    await waitFor(() => expect(screen.getByTestId('history-total').textContent).not.toBe('0 en la lista'));
    expect((screen.getByLabelText('Buscar en el historial') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('no-results')).toBeNull();
  });

  it('the day filter is written as the window’s language writes days, and filters by it', async () => {
    const { core, user } = await history(0);
    const day = screen.getByLabelText('Recibidos el día') as HTMLInputElement;
    expect(day.placeholder).toBe('dd/mm/aaaa');
    await user.type(day, '8/12/2026{Enter}');
    await waitFor(() => expect(core.calls.filter((c) => c.channel === 'receipts:list').at(-1)!.req.receivedFrom).toBe(new Date(2026, 11, 8).toISOString()));
    expect(day.value).toBe('08/12/2026');
    // A day that does not exist is marked and not applied.
    await user.clear(day);
    await user.type(day, '31/02/2026{Enter}');
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(core.calls.filter((c) => c.channel === 'receipts:list').at(-1)!.req.receivedFrom).toBe(new Date(2026, 11, 8).toISOString());
  });

  it('searches once the operator stops typing, and pins a receipt', async () => {
    const { core, user } = await history(0);
    await user.type(screen.getByLabelText('Buscar en el historial'), 'r2');
    await waitFor(() => expect(screen.getByTestId('history-total').textContent).toBe('1 en la lista'));
    // One query for the whole word, not one per key.
    expect(core.calls.filter((c) => c.channel === 'receipts:list' && c.req.text !== undefined).map((c) => c.req.text)).toEqual(['r2']);

    await user.click(screen.getByRole('button', { name: 'Fijar (no caduca)' }));
    await waitFor(() => expect(screen.getByTestId('receipt-row').textContent).toContain('fijado, no caduca'));
    expect(core.receipts.get(receipt(2).sha256)!.pinned).toBe(true);
  });
});
