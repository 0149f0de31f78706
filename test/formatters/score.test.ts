import { lint, scoreOf } from '../../src';
import type { LintResult } from '../../src';
import { finding, metas } from '../support/results';
import { REPO_ROOT } from '../support/rule-tester';

const lintExample = (name: string) => lint([`fixtures/examples/${name}`], { cwd: REPO_ROOT });

/** A result for `files`, all linted, with `findings`. */
function result(files: string[], findings: LintResult['findings'], unlinted: LintResult['unlinted'] = []): LintResult {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))];
  return { files, unlinted, skipped: [], referenced: [], findings, suppressed: [], baselined: [], rules: metas(...ruleIds) };
}

describe('the security score (docs/score.md)', () => {
  test('is 100 for the hardened example, which has no findings', async () => {
    expect(scoreOf(await lintExample('petstore-secure.yaml'))).toEqual({
      score: 100,
      categories: {},
      documents: [{ file: 'fixtures/examples/petstore-secure.yaml', score: 100, categories: {} }],
    });
  });

  test('is low for the insecure example, with a sub-score and a count per OWASP category', async () => {
    const categories = {
      'API1:2023': { score: 98, findings: 1 },
      'API2:2023': { score: 18, findings: 13 },
      'API3:2023': { score: 96, findings: 1 },
      'API4:2023': { score: 83, findings: 12 },
      'API5:2023': { score: 80, findings: 6 },
      'API7:2023': { score: 99, findings: 1 },
      'API8:2023': { score: 69, findings: 6 },
      'API9:2023': { score: 96, findings: 1 },
    };
    expect(scoreOf(await lintExample('petstore-insecure.yaml'))).toEqual({
      score: 8,
      categories,
      documents: [{ file: 'fixtures/examples/petstore-insecure.yaml', score: 8, categories }],
    });
  });

  test('rises when any one error is fixed', async () => {
    const insecure = await lintExample('petstore-insecure.yaml');
    const before = scoreOf(insecure).score!;
    insecure.findings.forEach((fixed, index) => {
      if (fixed.severity !== 'error') return;
      const after = scoreOf({ ...insecure, findings: insecure.findings.filter((_, other) => other !== index) }).score!;
      expect([fixed.ruleId, after > before]).toEqual([fixed.ruleId, true]);
    });
  });

  test('a thousand fields without maxLength weigh less than one implicit flow: repeats of a rule halve', () => {
    const manyLimits = Array.from({ length: 1000 }, (_, line) =>
      finding({
        ruleId: 'limit-string-length',
        file: 'a.yaml',
        severity: 'warn',
        range: { start: { line, column: 1 }, end: { line, column: 2 } },
      }),
    );
    const implicitFlow = [finding({ ruleId: 'no-oauth2-implicit-flow', file: 'a.yaml' })];
    expect(scoreOf(result(['a.yaml'], manyLimits)).score).toBe(95);
    expect(scoreOf(result(['a.yaml'], implicitFlow)).score).toBe(83);
  });

  test("the run's score is its lowest document's; a document that could not be linted has none, nor has the run", () => {
    const findings = [finding({ ruleId: 'no-oauth2-implicit-flow', file: 'b.yaml' })];
    expect(scoreOf(result(['a.yaml', 'b.yaml'], findings))).toMatchObject({
      score: 83,
      categories: { 'API2:2023': { score: 83, findings: 1 } },
      documents: [{ score: 100 }, { score: 83 }],
    });
    const broken = result(
      ['a.yaml', 'b.yaml'],
      [finding({ ruleId: 'parse-error', file: 'b.yaml' })],
      [{ file: 'b.yaml', reason: 'parse-error', message: 'Unexpected token.' }],
    );
    expect(scoreOf(broken)).toEqual({
      score: null,
      categories: {},
      documents: [
        { file: 'a.yaml', score: 100, categories: {} },
        { file: 'b.yaml', score: null, categories: {} },
      ],
    });
  });
});
