import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleset, lint, Rule } from '../../src/index';

/** The repository root: fixture paths in findings are relative to it. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** A finding a fixture must produce; `file` defaults to the fixture itself. */
export interface ExpectedFinding {
  messageId: string;
  pointer: string;
  line: number;
  file?: string;
}

type Options = Record<string, unknown>;
type ValidCase = string | { fixture: string; options: Options };
interface InvalidCase {
  fixture: string;
  options?: Options;
  findings: ExpectedFinding[];
}

/** Lints one fixture with only `rule` enabled; every other finding (invalid OpenAPI included) shows up too. */
export async function lintWithRule(rule: Rule, fixture: string, options?: Options) {
  const file = `fixtures/rules/${rule.id}/${fixture}`;
  const setting = options === undefined ? rule.severity : [rule.severity, options];
  const ruleset = createRuleset({ rules: { [rule.id]: setting } }, { name: `${rule.id} only`, baseDir: REPO_ROOT });
  const result = await lint([file], { cwd: REPO_ROOT, ruleset });
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    pointer: finding.pointer,
    line: finding.range.start.line,
    file: finding.file,
  }));
}

/**
 * ESLint-style table test: a valid fixture yields no finding at all, an invalid one exactly the listed
 * findings, in order. Every pass-* and fail-* fixture in the rule's folder must appear in the table.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { fixture: c, options: undefined } : c));

  describe(rule.id, () => {
    test.each(valid)('$fixture has no findings', async ({ fixture, options }) => {
      expect(await lintWithRule(rule, fixture, options)).toEqual([]);
    });

    test.each(cases.invalid)('$fixture has exactly the listed findings', async ({ fixture, options, findings }) => {
      const expected = findings.map(({ messageId, pointer, line, file }) => ({
        ruleId: rule.id,
        messageId,
        pointer,
        line,
        file: file ?? `fixtures/rules/${rule.id}/${fixture}`,
      }));
      expect(await lintWithRule(rule, fixture, options)).toEqual(expected);
    });

    test('the table covers every pass-* and fail-* fixture', () => {
      const onDisk = readdirSync(join(REPO_ROOT, 'fixtures', 'rules', rule.id)).filter((f) => /^(pass|fail)-/.test(f));
      const tested = [...valid.map((c) => c.fixture), ...cases.invalid.map((c) => c.fixture)];
      expect([...new Set(tested)].sort()).toEqual(onDisk.sort());
    });
  });
}
