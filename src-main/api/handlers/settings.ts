/** The operator's settings and extraction rules, and the app's health. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { describeProblems, parseRulesText } from '../../../src-shared/extract/rules';
import { defaultRulesFile } from '../../paths';
import { ApiError } from '../api-error';
import { SettingError, type AppService } from '../service';
import type { HandlersOf } from './types';

type SettingsChannels = 'settings:get' | 'settings:set' | 'settings:pickWatchFolder' | 'rules:get' | 'rules:set' | 'app:health';

function settingError(e: Error): never {
  throw e instanceof SettingError ? new ApiError(e.code, e.message) : e;
}

export function settingsHandlers(service: AppService): HandlersOf<SettingsChannels> {
  const current = () => ({ ...service.settings(), cores: os.availableParallelism() });
  return {
    'settings:get': async () => current(),
    'settings:set': async (req) => {
      await service.changeSettings(req).catch(settingError);
      return current();
    },
    'settings:pickWatchFolder': async () => {
      const picked = await service.pickWatchFolder().catch(settingError);
      return { picked, settings: current() };
    },
    'rules:get': async () => {
      // The operator's copy, even an invalid one (it is what they wrote: given back to fix, with
      // its problems); the shipped defaults when there is none.
      const own = service.rulesFile ? await readFile(service.rulesFile, 'utf8').catch(() => null) : null;
      if (own === null) return { text: await readFile(defaultRulesFile(), 'utf8'), custom: false, problems: [] };
      const parsed = parseRulesText(own);
      return { text: own, custom: true, problems: parsed.ok ? [] : parsed.problems };
    },
    'rules:set': async (req) => {
      const file = service.rulesFile;
      if (!file) throw new ApiError('READ_ONLY', 'This core was started with the shipped rules only');
      const parsed = parseRulesText(req.text);
      if (!parsed.ok) throw new ApiError('INVALID_RULES', describeProblems(parsed.problems));
      // Written beside, then renamed: a crash leaves the old rules or the new, never half.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, req.text, { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, file);
      return {};
    },
    'app:health': async () => ({ databaseProblem: service.databaseProblem }),
  };
}
