/**
 * `npm run dev:web`: the whole app without Electron. The core runs here in Node, the renderer is
 * served to a browser over loopback with the contract on a WebSocket. Development, and the
 * end-to-end suite (which reads the URL from the first line printed).
 *
 *   node dist/main/dev-web.js [--data-dir DIR] [--port N] [--workers N] [--profile P] [--watch-folder DIR]
 *
 * A browser has no folder picker that gives a path, and the page may not name one: the watched
 * folder is chosen here, on the command line.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isProfileName } from '../src-shared/ocr/profiles';
import { AppService } from './api/service';
import { appRoot, dataDir } from './paths';
import { startWebHost } from './web-host';

const USAGE = 'usage: dev-web [--data-dir DIR] [--port N] [--workers N] [--profile fast|balanced|accurate] [--watch-folder DIR]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, workers: { type: 'string' }, profile: { type: 'string' }, 'watch-folder': { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const profile = values.profile ?? 'balanced';
  if (!isProfileName(profile)) {
    console.error(`Unknown profile "${profile}"\n${USAGE}`);
    process.exit(2);
  }
  const folder = path.resolve(values['data-dir'] ?? dataDir());
  // A damaged history stops here with its reason and the repair command (src-main/db/repair.ts).
  const service = new AppService({ dataDir: folder, profile, ...(values.workers ? { workers: Math.max(1, Number(values.workers)) } : {}) });
  if (values['watch-folder']) {
    try {
      await service.changeSettings({ watchFolder: path.resolve(values['watch-folder']) });
    } catch (e) {
      console.error(`${(e as Error).message}\n${USAGE}`);
      await service.close();
      process.exit(2);
    }
  }
  const host = await startWebHost(service, { rendererDir: path.join(appRoot(), 'dist', 'renderer'), ...(values.port ? { port: Number(values.port) } : {}) });
  // The URL carries the token: whoever has it can use the app, so it is printed, never logged.
  console.log(`Recibo is running at ${host.url}`);
  console.log(`Data folder: ${folder}. Ctrl+C stops it (receipts being read are finished first).`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
