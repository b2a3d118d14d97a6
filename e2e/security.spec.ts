/**
 * The browser host's gates, tried from a real page: a WebSocket without the token, a request with
 * a bad payload, an unknown channel, a path named by the page, an image without the token, a path
 * outside the renderer.
 */
import { expect, test } from './fixtures';

test('a WebSocket without the token is refused; bad payloads and unknown channels come back as errors', async ({ app, page, host }) => {
  const port = new URL(host.url).port;
  const noToken = await page.evaluate(
    (p) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${p}/ipc`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    port,
  );
  expect(noToken).toBe('refused');

  const token = await page.evaluate(() => sessionStorage.getItem('recibo.token'));
  expect(token).toBeTruthy();
  // The token is taken out of the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
  const answers = await page.evaluate(
    ({ p, t }) =>
      new Promise<unknown[]>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${p}/ipc?token=${encodeURIComponent(t)}`);
        const got: unknown[] = [];
        ws.onmessage = (e) => {
          const msg = JSON.parse(String(e.data)) as { id?: number };
          if (msg.id === undefined) return; // events
          got.push(msg);
          // Answers come as each call ends, matched by id: not necessarily in order.
          if (got.length === 4) resolve(got.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id));
        };
        ws.onopen = () => {
          ws.send(JSON.stringify({ id: 1, channel: 'receipts:get', payload: { sha256: '../../etc/passwd' } }));
          ws.send(JSON.stringify({ id: 2, channel: 'fs:read', payload: { path: '/etc/passwd' } }));
          // The page names no path: not files to read, not a folder to watch.
          ws.send(JSON.stringify({ id: 3, channel: 'intake:paths', payload: { paths: ['/etc/shadow'] } }));
          ws.send(JSON.stringify({ id: 4, channel: 'settings:set', payload: { watchFolder: '/etc' } }));
        };
      }),
    { p: port, t: token! },
  );
  expect(answers).toEqual([
    { id: 1, result: { ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) } },
    { id: 2, result: { ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) } },
    { id: 3, result: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) } },
    { id: 4, result: { ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) } },
  ]);

  const origin = new URL(host.url).origin;
  expect((await page.request.get(`${origin}/receipt/${'a'.repeat(64)}`)).status()).toBe(403);
  expect((await page.request.get(`${origin}/..%2F..%2Fpackage.json`)).status()).toBe(404);
  const index = await page.request.get(`${origin}/`);
  expect(index.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(app.page.getByRole('heading', { name: 'Recibo' })).toBeVisible();
});
