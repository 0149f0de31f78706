import { lint, rules } from '../src/index';
import { REPO_ROOT } from './support/rule-tester';

describe('bundled examples', () => {
  test('the insecure petstore triggers every rule, and nothing else', async () => {
    const result = await lint(['fixtures/examples/petstore-insecure.yaml'], { cwd: REPO_ROOT });
    expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual(rules.map((rule) => rule.id));
  });

  test.each(['recommended', 'strict'])('the hardened petstore has no findings under %s', async (ruleset) => {
    const result = await lint(['fixtures/examples/petstore-secure.yaml'], { cwd: REPO_ROOT, ruleset });
    expect(result.findings).toEqual([]);
  });
});
