import { describe, expect, it } from 'vitest';
import shipped from '../../assets/extraction-rules.json';
import { parseRules, parseRulesText, RULE_FIELDS, type Rules } from './rules';

const defaultsText = JSON.stringify(shipped);
const defaults = () => JSON.parse(defaultsText) as Record<string, unknown> & { fields: Record<string, Record<string, unknown>> };

describe('extraction rules', () => {
  it('accepts the shipped defaults, with a rule for every labelled field', () => {
    const parsed = parseRulesText(defaultsText);
    expect(parsed.ok).toBe(true);
    const rules = (parsed as { rules: Rules }).rules;
    expect(Object.keys(rules.fields).sort()).toEqual([...RULE_FIELDS].sort());
    expect(rules.fields.monto.exclude).toEqual(expect.arrayContaining(['saldo', 'comisión', 'total']));
  });

  it('names the rule and the JSON path of every problem', () => {
    const json = defaults();
    json.fields.monto!.normalizer = 'money';
    json.fields.telefono!.labels = ['teléfono', ''];
    (json.bankAliases as Record<string, string[]>)['105'] = ['mercantil'];
    const parsed = parseRules(json);
    expect(parsed.ok).toBe(false);
    const problems = (parsed as { problems: { rule: string; path: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.rule, p.path])).toEqual(
      expect.arrayContaining([
        ['monto', '$.fields.monto.normalizer'],
        ['telefono', '$.fields.telefono.labels[1]'],
        ['bankAliases', '$.bankAliases["105"]'],
      ]),
    );
    expect(problems.find((p) => p.rule === 'telefono')!.message).toBe('must not be empty');
  });

  it('names an unknown key by its own path, so a misspelt field is found', () => {
    const json = defaults();
    json.fields.montos = json.fields.monto!;
    json.fields.monto!.wher = ['inline'];
    const parsed = parseRules(json);
    expect(parsed.ok).toBe(false);
    expect((parsed as { problems: { rule: string; path: string }[] }).problems).toEqual(
      expect.arrayContaining([
        { rule: 'montos', path: '$.fields.montos', message: 'unknown key (misspelt?)' },
        { rule: 'monto', path: '$.fields.monto.wher', message: 'unknown key (misspelt?)' },
      ]),
    );
  });

  it('refuses a missing field rule, another schema version, and broken JSON', () => {
    const json = defaults();
    delete json.fields.cedula;
    json.version = 2;
    const parsed = parseRules(json);
    expect((parsed as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.fields.cedula', '$.version']));
    const broken = parseRulesText('{"version": 1,');
    expect(broken).toMatchObject({ ok: false, problems: [{ rule: '(file)', path: '$', message: expect.stringMatching(/^not valid JSON/) }] });
  });

  it('says its problems in Spanish for the Spanish window: zod’s words and its own', () => {
    const json = defaults();
    json.version = 'uno';
    json.fields.montos = {};
    const parsed = parseRules(json, 'es') as { problems: { path: string; message: string }[] };
    expect(parsed.problems.find((p) => p.path === '$.version')!.message).toMatch(/^Entrada inválida/);
    expect(parsed.problems.find((p) => p.path === '$.fields.montos')!.message).toBe('clave desconocida (¿mal escrita?)');
    expect(parsed.problems.map((p) => p.message).join(' ')).not.toMatch(/Invalid input|expected|unknown key/);
    const broken = parseRulesText('{\n  "version": 1,\n  }', 'es') as { problems: { message: string }[] };
    expect(broken.problems[0]!.message).toMatch(/^no es JSON válido \(línea 3, columna \d+\)$/);
  });
});
