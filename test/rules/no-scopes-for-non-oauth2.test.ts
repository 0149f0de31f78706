import { createRuleset, lint } from '../../src/index';
import rule from '../../src/rules/no-scopes-for-non-oauth2';
import { REPO_ROOT, testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'scopes',
          pointer: '/paths/~1pets/get/security/0/key',
          line: 9,
          message: 'Security requirement for "key" lists scopes, but its scheme (type apiKey) has none: nothing enforces them.',
        },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'roles',
          pointer: '/paths/~1pets/get/security/0/bearer',
          line: 9,
          message: 'Security requirement for "bearer" lists roles for a scheme of type http: confirm that the server checks them.',
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'scopes', pointer: '/security/0/basic', line: 6 }] },
  ],
});

test('roles, which OpenAPI 3.1 allows, are infos whatever the rule is set to; scopes follow the setting', async () => {
  const ruleset = createRuleset({ rules: { [rule.id]: 'error' } }, { name: 'errors', baseDir: REPO_ROOT });
  const dir = `fixtures/rules/${rule.id}`;
  const result = await lint([`${dir}/fail-oas30.yaml`, `${dir}/fail-oas31.yaml`], { cwd: REPO_ROOT, ruleset });
  expect(result.findings.map((finding) => [finding.messageId, finding.severity])).toEqual([
    ['scopes', 'error'],
    ['roles', 'info'],
  ]);
});
