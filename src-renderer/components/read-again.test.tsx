// @vitest-environment happy-dom
/**
 * A cancelled or failed receipt is one key from being read again (issue 40, item 6): the open
 * receipt says "Cancelado" (not an error) and R, or its button, asks the core to read it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreContext } from '../state/context';
import { createStore } from '../state/store';
import { fakeCore, receipt } from '../test-support/fake-core';
import { App } from './App';

afterEach(cleanup);

async function open(state: 'cancelled' | 'failed') {
  const detail = receipt(1, { state, error: state === 'failed' ? { code: 'CORRUPT_IMAGE', message: 'damaged' } : null });
  const core = fakeCore([detail]);
  const store = createStore(core.client);
  await store.getState().refresh();
  await store.getState().select(detail.sha256);
  render(
    <StoreContext.Provider value={store}>
      <App client={core.client} />
    </StoreContext.Provider>,
  );
  return core;
}

describe('read again', () => {
  it('a cancelled receipt: said as cancelled, not as an error; R reads it again', async () => {
    const core = await open('cancelled');
    expect(screen.getByRole('status').textContent).toBe('Cancelado');
    fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(core.calls.filter((c) => c.channel === 'receipts:rerun').map((c) => c.req)).toEqual([{ sha256: '1'.padStart(64, '0') }]));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('En cola…'));
  });

  it('a failed receipt: its reason, and the button reads it again', async () => {
    const core = await open('failed');
    expect(screen.getByRole('status').textContent).toBe('Error: La imagen está dañada o incompleta.');
    fireEvent.click(screen.getByRole('button', { name: 'Leer de nuevo (R)' }));
    await waitFor(() => expect(core.calls.map((c) => c.channel)).toContain('receipts:rerun'));
  });
});
