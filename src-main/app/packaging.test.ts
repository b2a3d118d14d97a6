/**
 * The packaged app's hardening (issue 40, item 7): Electron's fuses as electron-builder flips
 * them at packaging. Every key must be one electron-builder's own schema knows (a misspelt fuse
 * would be ignored silently), and each set to its safe value.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appRoot } from '../paths';

const require = createRequire(import.meta.url);

describe('packaging', () => {
  it('flips Electron’s fuses to their safe values, each one electron-builder knows', () => {
    const config = parse(readFileSync(path.join(appRoot(), 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown> };
    const scheme = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
