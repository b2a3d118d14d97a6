/** Bank statements from the window: a file previewed, then imported, and what the statements kept show. */
import { statementsKept, unclaimedCredits } from '../../db/statements';
import { importStatement, previewStatement } from '../../core/statement-import';
import { StatementFormatError } from '../../statements/table';
import { ApiError } from '../api-error';
import type { AppService } from '../service';
import type { HandlersOf } from './types';

/** A file the reader refuses is the operator's to fix: its sentence, naming the file, not a crash. */
async function readable<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof StatementFormatError) throw new ApiError('STATEMENT_UNREADABLE', `${name}: ${e.message}`, { file: name, problem: e.problem });
    throw e;
  }
}

export function statementHandlers(service: AppService): HandlersOf<'statements:preview' | 'statements:import' | 'statements:list'> {
  const { core } = service;
  const fileOf = (req: { name: string; base64: string }) => ({ name: req.name, bytes: Buffer.from(req.base64, 'base64') });
  return {
    'statements:preview': (req) => readable(req.name, () => previewStatement(core, fileOf(req), req.mapping)),
    'statements:import': async (req) => {
      const imported = await readable(req.name, () => importStatement(core, fileOf(req), req.mapping));
      // Every receipt's chip may have changed.
      service.emit('statements:changed', {});
      return { added: imported.added, format: imported.format, movements: imported.movements, credits: imported.credits, verdicts: imported.verdicts };
    },
    'statements:list': async () => ({ statements: statementsKept(core.db), unclaimedCredits: unclaimedCredits(core.db) }),
  };
}
