import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('takes the defaults: balanced, jsonl, standard output', () => {
    expect(parseCliArgs(['extract', 'a.png', 'dir'])).toEqual({ command: 'extract', profile: 'balanced', format: 'jsonl', out: null, threads: null, workers: null, inputs: ['a.png', 'dir'] });
  });

  it('takes every option', () => {
    expect(parseCliArgs(['extract', '--profile', 'fast', '--format', 'csv', '--out', 'x.csv', '--threads', '1', '--workers', '3', 'a.png'])).toMatchObject({ profile: 'fast', format: 'csv', out: 'x.csv', threads: 1, workers: 3 });
  });

  it('takes reconcile\'s days for late credits, kept as they are without the option', () => {
    expect(parseCliArgs(['reconcile', '--data-dir', 'd', '--credit-days', '5', 'a.csv'])).toEqual({ command: 'reconcile', dataDir: 'd', json: false, inputs: ['a.csv'], creditDays: 5 });
    expect(parseCliArgs(['reconcile', '--data-dir', 'd'])).toMatchObject({ creditDays: null });
  });

  it.each([
    [[], /Missing command/],
    [['read', 'a.png'], /Unknown command "read"/],
    [['extract'], /No files or folders/],
    [['extract', '--profile', 'turbo', 'a.png'], /Unknown profile "turbo"/],
    [['extract', '--format', 'xml', 'a.png'], /Unknown format "xml"/],
    [['extract', '--threads', '0', 'a.png'], /--threads must be a whole number/],
    [['extract', '--verbose', 'a.png'], /Unknown option/],
    [['reconcile', '--data-dir', 'd', '--credit-days', '2.5'], /--credit-days must be a whole number from 0 to 15/],
    [['reconcile', '--data-dir', 'd', '--credit-days', '16'], /--credit-days must be a whole number from 0 to 15/],
  ])('reports %j as a usage error', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.command).toBe('usage-error');
    expect(parsed.command === 'usage-error' && parsed.message).toMatch(message);
  });
});
