import type { Log } from 'sarif';
import { createRuleset, formatters, lint } from '../../src/index';
import { Suppressions } from '../../src/engine/suppressions';
import { REPO_ROOT } from '../support/rule-tester';
import { validateSarif } from '../support/sarif-schema';

/** Only the rules these fixtures are about, so that the tables do not change as rules are added. */
const ruleset = createRuleset(
  { rules: { 'require-security': 'error', 'require-https-servers': 'error' } },
  { name: 'suppression tests', baseDir: REPO_ROOT },
);

const brief = (f: { file: string; range: { start: { line: number } }; ruleId: string; messageId: string; pointer: string }) =>
  `${f.file.replace('fixtures/suppressions/', '')}:${f.range.start.line} ${f.ruleId}/${f.messageId} ${f.pointer}`;

async function lintFixture(name: string) {
  const result = await lint([`fixtures/suppressions/${name}`], { cwd: REPO_ROOT, ruleset });
  return {
    findings: result.findings.map(brief),
    suppressed: result.suppressed.map((f) => `${brief(f)} <- ${f.suppression?.pointer} "${f.suppression?.reason}"`),
  };
}

describe('x-oasguard-ignore', () => {
  test.each([
    [
      'list-and-map.yaml',
      'a list of {rule, reason} and a map of rule to reason suppress at the node and below it',
      {
        // The one operation left unexcepted is the whole API's lack of authentication.
        findings: ['list-and-map.yaml:1 require-security/noAuthentication '],
        suppressed: [
          'list-and-map.yaml:4 require-https-servers/insecureUrl /servers/0/url <- /servers/0 "local development server only"',
          'list-and-map.yaml:12 require-security/missing /paths/~1catalogue/get <- /paths/~1catalogue "public catalogue, reviewed by the security team"',
        ],
      },
    ],
    [
      'nearest.yaml',
      'the suppression nearest to the finding gives the reason; the outer one is still used',
      {
        findings: [],
        suppressed: [
          'nearest.yaml:7 require-security/missing /paths/~1catalogue/get <- /paths/~1catalogue/get "anonymous browsing by design"',
        ],
      },
    ],
    [
      'invalid.yaml',
      'a suppression without a reason, or of the wrong shape, suppresses nothing and is an error',
      {
        findings: [
          // No operation is excepted: all three are in the one finding for the document.
          'invalid.yaml:1 require-security/noAuthentication ',
          'invalid.yaml:6 invalid-suppression/noReason /paths/~1a/x-oasguard-ignore/require-security',
          'invalid.yaml:12 invalid-suppression/noReason /paths/~1b/x-oasguard-ignore/0',
          'invalid.yaml:17 invalid-suppression/malformed /paths/~1c/x-oasguard-ignore',
        ],
        suppressed: [],
      },
    ],
    [
      'unused.yaml',
      'a suppression matching no finding, or naming a rule that is not enabled, is reported',
      {
        findings: [
          'unused.yaml:7 unused-suppression/unused /paths/~1a/x-oasguard-ignore/require-security',
          'unused.yaml:8 unused-suppression/notEnabled /paths/~1a/x-oasguard-ignore/require-securty',
        ],
        suppressed: [],
      },
    ],
    [
      'referenced.yaml',
      "a suppression in a $ref'd file covers the findings reported in that file",
      {
        findings: [],
        suppressed: ['shared-paths.yaml:5 require-security/missing /Catalogue/get <- /Catalogue "public catalogue"'],
      },
    ],
  ])('%s: %s', async (fixture, _what, expected) => {
    expect(await lintFixture(fixture)).toEqual(expected);
  });

  test('unused suppressions are infos, invalid ones errors', async () => {
    const result = await lint(['fixtures/suppressions/unused.yaml', 'fixtures/suppressions/invalid.yaml'], { cwd: REPO_ROOT, ruleset });
    const severities = Object.fromEntries(result.findings.map((f) => [f.ruleId, f.severity]));
    expect(severities).toEqual({ 'unused-suppression': 'info', 'invalid-suppression': 'error', 'require-security': 'error' });
  });
});

describe('suppressed findings in reports', () => {
  const reports = async (showSuppressed: boolean) => {
    const result = await lint(['fixtures/suppressions/list-and-map.yaml'], { cwd: REPO_ROOT, ruleset });
    const context = { color: false, cwd: REPO_ROOT, showSuppressed };
    return {
      text: formatters.text(result, context),
      sarif: JSON.parse(formatters.sarif(result, context)) as Log,
      json: JSON.parse(formatters.json(result, context)),
    };
  };

  test('text counts them, and lists them with their reasons only when asked', async () => {
    const quiet = (await reports(false)).text;
    expect(quiet).not.toContain('suppressed:');
    expect(quiet).toMatch(/^1 problem \(1 error, 0 warnings, 0 infos, 0 hints\) in 1 document; 2 suppressed\.$/m);
    const listed = (await reports(true)).text;
    expect(listed).toContain('(suppressed: local development server only)');
    expect(listed).toContain('(suppressed: public catalogue, reviewed by the security team)');
  });

  test('SARIF keeps them as results with an inSource suppression whose justification is the reason', async () => {
    const { sarif } = await reports(false);
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    const suppressed = sarif.runs[0].results?.filter((result) => result.suppressions) ?? [];
    expect(suppressed.map((result) => [result.ruleId, result.suppressions?.map((s) => [s.kind, s.justification])])).toEqual([
      ['require-https-servers', [['inSource', 'local development server only']]],
      ['require-security', [['inSource', 'public catalogue, reviewed by the security team']]],
    ]);
    expect(sarif.runs[0].results?.filter((result) => !result.suppressions).map((result) => result.ruleId)).toEqual(['require-security']);
  });

  test('JSON lists them apart and counts them', async () => {
    const { json } = await reports(false);
    expect(json.summary).toMatchObject({ total: 1, suppressed: 2, baselined: 0 });
    expect(json.suppressed.map((f: { suppression: { pointer: string } }) => f.suppression.pointer)).toEqual([
      '/servers/0',
      '/paths/~1catalogue',
    ]);
  });
});

describe('suppressions linted on several threads', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const shared = {
    data: {
      Public: { 'x-oasguard-ignore': { 'require-security': 'public' } },
      Internal: { 'x-oasguard-ignore': { 'require-security': 'internal' } },
    },
    rangeOf: () => range,
  };
  const collected = () => {
    const suppressions = new Suppressions();
    suppressions.collect('/shared.yaml', shared);
    return suppressions;
  };

  test('a suppression used by any worker is used once merged', () => {
    const [first, second] = [collected(), collected()];
    first.match({ ruleId: 'require-security', source: '/shared.yaml', path: ['Public', 'get'] });
    const merged = new Suppressions();
    merged.merge(first.entries());
    merged.merge(second.entries());
    expect(merged.unused(new Set(['require-security'])).map((problem) => problem.path)).toEqual([
      ['Internal', 'x-oasguard-ignore', 'require-security'],
    ]);
  });
});
