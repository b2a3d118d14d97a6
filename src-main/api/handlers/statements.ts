/** Bank statements from the window: a dropped file imported, and what the statements kept show. */
import { statementsKept, unclaimedCredits } from '../../db/statements';
import { importStatement } from '../../core/reconciliation';
import { StatementFormatError } from '../../statements/delimited';
import { ApiError } from '../api-error';
import type { AppService } from '../service';
import type { HandlersOf } from './types';

export function statementHandlers(service: AppService): HandlersOf<'statements:import' | 'statements:list'> {
  const { core } = service;
  return {
    'statements:import': async (req) => {
      let imported;
      try {
        imported = importStatement(core, { name: req.name, bytes: Buffer.from(req.base64, 'base64') });
      } catch (e) {
        if (e instanceof StatementFormatError) throw new ApiError('STATEMENT_UNREADABLE', `${req.name}: ${e.message}`);
        throw e;
      }
      // Every receipt's chip may have changed.
      service.emit('statements:changed', {});
      return { added: imported.added, format: imported.format, movements: imported.movements, credits: imported.credits, verdicts: imported.verdicts };
    },
    'statements:list': async () => ({ statements: statementsKept(core.db), unclaimedCredits: unclaimedCredits(core.db) }),
  };
}
