import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { renderRulesMarkdown, withRulesTable } from '../src/docs/rules-markdown';
import { createRuleset, loadRuleset, PRESETS, rules } from '../src/index';
import { NODE_KINDS } from '../src/rules/support/node-kinds';
import { REPO_ROOT } from './support/rule-tester';

const ids = rules.map((rule) => rule.id);
const ruleFiles = readdirSync(join(REPO_ROOT, 'src', 'rules'))
  .filter((file) => file.endsWith('.ts') && !['index.ts', 'define-rule.ts', 'diagnostics.ts'].includes(file))
  .map((file) => file.replace(/\.ts$/, ''));

describe('the rule registry', () => {
  test('holds every rule file, sorted, ids unique', () => {
    expect(ids).toEqual([...ruleFiles].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(ruleFiles)('%s: the file name is the rule id', async (file) => {
    const { default: rule } = await import(`../src/rules/${file}`);
    expect(rule.id).toBe(file);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  test('has a test table and pass and fail fixtures', () => {
    expect(existsSync(join(REPO_ROOT, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    const fixtures = readdirSync(join(REPO_ROOT, 'fixtures', 'rules', id));
    expect(fixtures.some((file) => file.startsWith('pass-'))).toBe(true);
    expect(fixtures.some((file) => file.startsWith('fail-'))).toBe(true);
  });

  test('has complete metadata', () => {
    expect(rule.id).toMatch(/^(no|require|define|limit)-[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const text of [rule.description, rule.rationale, rule.fix]) expect(text).toMatch(/\S.*\.$/s);
    expect(rule.sources.length).toBeGreaterThan(0);
    expect(rule.owasp).toMatch(/^API([1-9]|10):2023$/);
    expect(rule.cwe.length).toBeGreaterThan(0);
    expect(Object.keys(rule.visit).length).toBeGreaterThan(0);
    for (const selector of Object.keys(rule.visit)) expect(Object.hasOwn(NODE_KINDS, selector) || selector.startsWith('$')).toBe(true);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.docsUrl).toBe(`https://github.com/oasguard/oasguard/blob/main/docs/rules.md#${id}`);
  });

  test('is documented under its own heading', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8')).toContain(`\n## ${id}\n`);
  });
});

// Spectral does not validate a rule's default options again (src/engine/spectral-rules.ts): they must be valid.
test.each(rules.filter((rule) => rule.options !== undefined).map((rule) => [rule.id, rule.options!] as const))(
  '%s has default options its options schema accepts, as Spectral validates options',
  (_id, { schema, defaults }) => {
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true }).compile(schema);
    expect(validate(defaults) ? [] : validate.errors).toEqual([]);
  },
);

describe('presets', () => {
  test.each(PRESETS)('%s lists every rule, and only known rules', (preset) => {
    const file = parse(readFileSync(join(REPO_ROOT, 'rulesets', `${preset}.yaml`), 'utf8'));
    expect(Object.keys(file.rules).sort()).toEqual(ids);
  });

  test('strict enables every rule', () => {
    expect(loadRuleset('strict', REPO_ROOT).rules.map((rule) => rule.id)).toEqual(ids);
  });

  test('recommended gives each rule its default severity, and leaves opt-in rules off', () => {
    const recommended = loadRuleset('recommended', REPO_ROOT);
    expect(Object.fromEntries(recommended.rules.map((rule) => [rule.id, rule.severity]))).toEqual(
      Object.fromEntries(rules.filter((rule) => !rule.optIn).map((rule) => [rule.id, rule.severity])),
    );
    const file = parse(readFileSync(join(REPO_ROOT, 'rulesets', 'recommended.yaml'), 'utf8'));
    for (const rule of rules.filter((each) => each.optIn)) expect(file.rules[rule.id]).toBe('off');
  });

  test('an opt-in rule runs at its severity when a ruleset extending recommended names it', () => {
    for (const rule of rules.filter((each) => each.optIn)) {
      const ruleset = createRuleset(
        { extends: ['oasguard:recommended'], rules: { [rule.id]: true } },
        { name: 'opt-in', baseDir: REPO_ROOT },
      );
      expect(ruleset.rules.find((meta) => meta.id === rule.id)?.severity).toBe(rule.severity);
    }
  });

  test('strict turns every rule on at warn or above', () => {
    expect(loadRuleset('strict', REPO_ROOT).rules.every((rule) => rule.severity === 'error' || rule.severity === 'warn')).toBe(true);
  });
});

test("the README's rules table is current (regenerate with npm run docs)", () => {
  const onDisk = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  expect(onDisk).toBe(withRulesTable(onDisk));
});

test('docs/rules.md is current (regenerate with npm run docs)', () => {
  const onDisk = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
  expect(onDisk).toBe(renderRulesMarkdown(join(REPO_ROOT, 'fixtures', 'rules')));
});
