import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, loadRuleset, UsageError } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

/** Writes a ruleset file into a fresh directory and returns that directory. */
function rulesetDir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-ruleset-'));
  writeFileSync(join(dir, 'ruleset.yaml'), yaml);
  return dir;
}

describe('ruleset files', () => {
  test('extend a preset, turn rules off, change severities and pass options', () => {
    const dir = rulesetDir(
      [
        'extends: oasguard:recommended',
        'rules:',
        '  define-429-response: off',
        '  no-http-basic-auth: warn',
        '  require-https-servers: [error, { allowHosts: [localhost] }]',
      ].join('\n'),
    );
    const ruleset = loadRuleset('ruleset.yaml', dir);
    expect(ruleset.rules.has('define-429-response')).toBe(false);
    expect(ruleset.rules.get('no-http-basic-auth')).toEqual({ severity: 'warn' });
    expect(ruleset.rules.get('require-https-servers')).toEqual({ severity: 'error', options: { allowHosts: ['localhost'] } });
    expect(ruleset.rules.get('define-401-response')).toEqual({ severity: 'warn' });
  });

  test('options reach the rule', async () => {
    const dir = rulesetDir('rules:\n  require-https-servers: [error, { allowHosts: [localhost] }]\n');
    const localhost = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'servers: [{url: "http://localhost:8080"}]', 'paths: {}'].join('\n');
    const result = await lint(['-'], { cwd: REPO_ROOT, ruleset: loadRuleset(join(dir, 'ruleset.yaml'), REPO_ROOT), stdin: localhost });
    expect(result.findings).toEqual([]);
  });

  test.each([
    ['rules:\n  no-such-rule: error\n', 'Invalid ruleset ruleset.yaml: unknown rule "no-such-rule". Run `oasguard rules` to list the rules.'],
    ['rules:\n  no-http-basic-auth: fatal\n', 'Invalid ruleset ruleset.yaml: rule "no-http-basic-auth": expected error, warn, info, hint or off (or [severity, options]), got "fatal".'],
    ['rules:\n  no-http-basic-auth: [error, 3]\n', 'Invalid ruleset ruleset.yaml: rule "no-http-basic-auth": options must be a mapping.'],
    ['extends: spectral:oas\n', 'Invalid ruleset ruleset.yaml: cannot extend "spectral:oas"; use one of oasguard:recommended, oasguard:strict.'],
    ['rule:\n  x: error\n', 'Invalid ruleset ruleset.yaml: unknown key "rule" (expected `extends` and `rules`).'],
    ['- a list\n', 'Invalid ruleset ruleset.yaml: expected a mapping with `extends` and/or `rules`.'],
  ])('%j is refused: %s', (yaml, message) => {
    expect(() => loadRuleset('ruleset.yaml', rulesetDir(yaml))).toThrow(new UsageError(message));
  });

  test('options that do not match the rule\'s schema are refused when the ruleset is used', async () => {
    const dir = rulesetDir('rules:\n  require-https-servers: [error, { allowHost: localhost }]\n');
    await expect(lint(['fixtures/examples/petstore-secure.yaml'], { cwd: REPO_ROOT, ruleset: loadRuleset(join(dir, 'ruleset.yaml'), REPO_ROOT) })).rejects.toThrow(
      /^Invalid ruleset .*ruleset\.yaml: rule "require-https-servers" does not support "allowHost" option$/,
    );
  });

  test('a missing ruleset names the choices', () => {
    expect(() => loadRuleset('missing.yaml', REPO_ROOT)).toThrow(new UsageError('Cannot read ruleset "missing.yaml".'));
  });
});
