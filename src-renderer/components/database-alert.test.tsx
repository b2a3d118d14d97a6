// @vitest-environment happy-dom
/**
 * The window's side of a damaged history (issue 40, item 4): the core's report, whether it came
 * before the window was listening or while it runs, stays on screen with what to do.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreContext } from '../state/context';
import { createStore } from '../state/store';
import { fakeCore, receipt } from '../test-support/fake-core';
import { App } from './App';

afterEach(cleanup);

async function show(databaseProblem: string | null) {
  const core = fakeCore([receipt(1)], { databaseProblem });
  const store = createStore(core.client);
  await store.getState().refresh();
  render(
    <StoreContext.Provider value={store}>
      <App client={core.client} />
    </StoreContext.Provider>,
  );
  return core;
}

describe('a damaged history', () => {
  it('found before the window opened: said at once, with the way out', async () => {
    await show('row 3 missing from index receipts_received');
    expect((await screen.findByTestId('database-damaged')).textContent).toMatch(/El historial está dañado \(row 3 missing from index receipts_received\).*restaurar la última copia buena/);
  });

  it('found while the window is open: the alert appears when the core reports it', async () => {
    const core = await show(null);
    // The alert has asked the core once and is listening.
    await waitFor(() => expect(core.calls.map((c) => c.channel)).toContain('app:health'));
    expect(screen.queryByTestId('database-damaged')).toBeNull();
    act(() => core.emit('database:damaged', { reason: 'Page 12: btreeInitPage() returns error code 11' }));
    expect((await screen.findByTestId('database-damaged')).textContent).toMatch(/Page 12/);
  });
});
