/** The contract's handlers over a real core and worker on a fresh data folder, for one test file. */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Result } from '../../src-shared/ipc/result';
import { dispatch } from '../api/dispatch';
import { createHandlers, type Handlers } from '../api/handlers';
import { AppService } from '../api/service';
import { defaultModelsDir } from '../paths';
import { useTempDir } from './temp-dir';

export function useApiCore() {
  const tmp = useTempDir();
  let service: AppService;
  let handlers: Handlers;
  beforeAll(() => {
    service = new AppService({ dataDir: path.join(tmp.path, 'data'), modelsDir: defaultModelsDir(), rulesFile: null, workers: 1 });
    handlers = createHandlers(service);
  });
  afterAll(async () => {
    await service.close();
  });
  return {
    tmp,
    get service() {
      return service;
    },
    /** The result, as a transport would get it (errors as data). */
    dispatch: (channel: string, payload: unknown) => dispatch(handlers, channel, payload),
    /** The value of a call expected to succeed. */
    call: async <T>(channel: string, payload: unknown): Promise<T> => {
      const r = (await dispatch(handlers, channel, payload)) as Result<T>;
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value;
    },
  };
}
