import { createRuleset, lint } from '../../src/index';
import rule from '../../src/rules/no-permissive-cors';
import { REPO_ROOT, testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // The header shared by reference is reported at its definition; the credentials are beside its use.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'anyOrigin',
          pointer: '/paths/~1status/get/responses/200/headers/Access-Control-Allow-Origin',
          line: 12,
          message:
            'The 200 response of GET /status allows any origin (Access-Control-Allow-Origin: *): any website can read it from a browser.',
        },
        {
          messageId: 'anyOriginWithCredentials',
          pointer: '/AllowAnyOrigin',
          line: 1,
          file: 'fixtures/rules/no-permissive-cors/shared-headers.yaml',
          message:
            'The 200 response of GET /me allows any origin and credentials (Access-Control-Allow-Credentials): any website could call the API as the signed-in user.',
        },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'anyOriginWithCredentials', pointer: '/paths/~1me/get/responses/200/headers/access-control-allow-origin', line: 12 },
      ],
    },
    {
      // Credentials pinned to false: any origin alone.
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'anyOrigin', pointer: '/paths/~1status/get/responses/200/headers/Access-Control-Allow-Origin', line: 12 }],
    },
  ],
});

test('any origin alone is a warning, with credentials an error', async () => {
  const ruleset = createRuleset({ rules: { [rule.id]: 'error' } }, { name: 'errors', baseDir: REPO_ROOT });
  const result = await lint([`fixtures/rules/${rule.id}/fail-oas30.yaml`], { cwd: REPO_ROOT, ruleset });
  expect(result.findings.map((finding) => [finding.messageId, finding.severity])).toEqual([
    ['anyOrigin', 'warn'],
    ['anyOriginWithCredentials', 'error'],
  ]);
});
