import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuleset, lint, Rule } from '../../src/index';

/** The repository root: fixture paths in findings are relative to it. */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * A finding a case must produce; `file` defaults to the case's document. `message` and `column`, when given, must
 * match too: what users read is checked, not only where.
 */
export interface ExpectedFinding {
  messageId: string;
  pointer: string;
  line: number;
  column?: number;
  message?: string | RegExp;
  file?: string;
  /** The pointers of the related places of a finding that stands for many; required when it has them. */
  related?: string[];
}

type Options = Record<string, unknown>;
/** A document: a fixture file of the rule's folder, or inline YAML for a one-off edge (`code`, with a `name`). */
type Source = { fixture: string } | { name: string; code: string };
type ValidCase = string | (Source & { options?: Options });
type InvalidCase = Source & { options?: Options; findings: ExpectedFinding[] };

/** A `{{placeholder}}` a message was rendered with but no data filled. */
const UNREPLACED = /\{\{\s*\w+\s*\}\}/;

/** The document of a case: a fixture (linted from the repository root) or inline YAML (from a directory of its own). */
function documentOf(rule: Rule, source: Source): { cwd: string; file: string } {
  if ('fixture' in source) return { cwd: REPO_ROOT, file: `fixtures/rules/${rule.id}/${source.fixture}` };
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-rule-'));
  writeFileSync(join(dir, 'inline.yaml'), source.code);
  return { cwd: dir, file: 'inline.yaml' };
}

/**
 * Lints one case with only `rule` enabled; every other finding (invalid OpenAPI included) shows up too. A message
 * with an unreplaced placeholder fails here, whatever the case expects.
 */
export async function lintWithRule(rule: Rule, source: string | Source, options?: Options) {
  const { cwd, file } = documentOf(rule, typeof source === 'string' ? { fixture: source } : source);
  const setting = options === undefined ? rule.severity : [rule.severity, options];
  const ruleset = createRuleset({ rules: { [rule.id]: setting } }, { name: `${rule.id} only`, baseDir: cwd });
  const result = await lint([file], { cwd, ruleset });
  for (const finding of result.findings) expect(finding.message).not.toMatch(UNREPLACED);
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    pointer: finding.pointer,
    line: finding.range.start.line,
    column: finding.range.start.column,
    message: finding.message,
    file: finding.file,
    related: finding.related?.map((place) => place.pointer),
  }));
}

function caseName(source: Source): string {
  return 'fixture' in source ? source.fixture : source.name;
}

/**
 * ESLint-style table test: a valid case yields no finding at all, an invalid one exactly the listed findings, in
 * order. Every pass-* and fail-* fixture in the rule's folder must appear in the table.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { fixture: c } : c));

  describe(rule.id, () => {
    test.each(valid.map((c) => [caseName(c), c] as const))('%s has no findings', async (_name, c) => {
      expect(await lintWithRule(rule, c, c.options)).toEqual([]);
    });

    test.each(cases.invalid.map((c) => [caseName(c), c] as const))('%s has exactly the listed findings', async (_name, c) => {
      const expected = c.findings.map(({ messageId, pointer, line, column, message, file, related }) => ({
        ruleId: rule.id,
        messageId,
        pointer,
        line,
        column: column ?? expect.any(Number),
        message: message === undefined ? expect.any(String) : typeof message === 'string' ? message : expect.stringMatching(message),
        file: file ?? ('fixture' in c ? `fixtures/rules/${rule.id}/${c.fixture}` : 'inline.yaml'),
        related,
      }));
      expect(await lintWithRule(rule, c, c.options)).toEqual(expected);
    });

    test('the table covers every pass-* and fail-* fixture', () => {
      const onDisk = readdirSync(join(REPO_ROOT, 'fixtures', 'rules', rule.id)).filter((f) => /^(pass|fail)-/.test(f));
      const tested = [...valid, ...cases.invalid].flatMap((c) => ('fixture' in c ? [c.fixture] : []));
      expect([...new Set(tested)].sort()).toEqual(onDisk.sort());
    });
  });
}
