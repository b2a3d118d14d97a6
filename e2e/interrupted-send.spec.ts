/**
 * A drop whose sending is cut short (issue 40, item 6): the window closes after the first slice
 * of 52 files reached the core. The next window says how many arrived and which did not; the
 * same files dropped again send only the missing ones and complete the batch.
 */
import path from 'node:path';
import { AppWindow, expect, fromDisk, test } from './fixtures';
import { FIXTURES } from './host';

const IMAGES = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'];

test('a send cut short is said in the next window, and the same drop completes it', async ({ host, context }) => {
  test.slow();
  // 52 files: two slices (50, then 2). The same images under many names (read once each).
  const files = await Promise.all(Array.from({ length: 52 }, (_, i) => fromDisk(path.join(FIXTURES, IMAGES[i % 4]!), `pago-${String(i + 1).padStart(2, '0')}${path.extname(IMAGES[i % 4]!)}`)));

  // The first window: its second slice never leaves (held here), then the window is closed.
  const first = await context.newPage();
  let slices = 0;
  await first.routeWebSocket(/\/ipc/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (String(message).includes('"channel":"intake:add"') && ++slices > 1) return;
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await first.goto(host.url);
  const window1 = new AppWindow(first);
  await expect(first.getByRole('heading', { name: 'Recibo' })).toBeVisible();
  await window1.drop(files);
  await expect.poll(() => slices).toBe(2);
  // The first slice was taken in (same bytes are one receipt: the four images, first names).
  await expect(window1.row('pago-04')).toBeVisible();
  await first.close();

  // The next window, once the send has been quiet: 50 of 52 arrived, the two missing named.
  await new Promise((r) => setTimeout(r, 5_500));
  const second = await context.newPage();
  const sentNames: string[] = [];
  second.on('websocket', (ws) => ws.on('framesent', (frame) => {
    const msg = JSON.parse(String(frame.payload)) as { channel?: string; payload?: { files?: { name: string }[] } };
    if (msg.channel === 'intake:add') sentNames.push(...(msg.payload?.files ?? []).map((f) => f.name));
  }));
  await second.goto(host.url);
  const notice = second.getByTestId('interrupted-send');
  await expect(notice).toContainText('Un envío se interrumpió: llegaron 50 de 52 archivos.');
  await expect(notice).toContainText('Faltan 2: pago-51.jpg, pago-52.jpg');

  // The same 52 dropped again: only the two missing are sent, and the notice goes.
  await new AppWindow(second).drop(files);
  await expect(notice).toHaveCount(0);
  expect(sentNames.sort()).toEqual(['pago-51.jpg', 'pago-52.jpg']);
});
