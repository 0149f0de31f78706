import { lint, rules } from '../src/index';
import { REPO_ROOT } from './support/rule-tester';

describe('bundled examples', () => {
  test.each([
    ['recommended', rules.filter((rule) => !rule.optIn)],
    ['strict', rules],
  ])('the insecure petstore triggers every rule %s enables, and nothing else', async (ruleset, enabled) => {
    const result = await lint(['fixtures/examples/petstore-insecure.yaml'], { cwd: REPO_ROOT, ruleset });
    expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual(enabled.map((rule) => rule.id));
  });

  test.each(['recommended', 'strict'])('the hardened petstore has no findings under %s', async (ruleset) => {
    const result = await lint(['fixtures/examples/petstore-secure.yaml'], { cwd: REPO_ROOT, ruleset });
    expect(result.findings).toEqual([]);
  });
});
