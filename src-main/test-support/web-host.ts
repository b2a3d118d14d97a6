/** A browser host over a real core on a fresh data folder, for one test file. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { AppService } from '../api/service';
import { defaultModelsDir } from '../paths';
import { startWebHost, type WebHost } from '../web-host';
import { useTempDir } from './temp-dir';

export function useWebHost(): { readonly host: WebHost; readonly service: AppService; readonly origin: string } {
  const tmp = useTempDir();
  let service: AppService;
  let host: WebHost;
  beforeAll(async () => {
    const rendererDir = path.join(tmp.path, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recibo</title>');
    service = new AppService({ dataDir: path.join(tmp.path, 'data'), modelsDir: defaultModelsDir(), rulesFile: null, workers: 1 });
    host = await startWebHost(service, { rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await service.close();
  });
  return {
    get host() {
      return host;
    },
    get service() {
      return service;
    },
    get origin() {
      return `http://127.0.0.1:${host.port}`;
    },
  };
}
