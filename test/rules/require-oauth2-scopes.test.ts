import rule from '../../src/rules/require-oauth2-scopes';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'noScopeRequested', pointer: '/security/0/oauth', line: 6 },
        { messageId: 'noScopesDefined', pointer: '/components/securitySchemes/oauth/flows/clientCredentials', line: 13 },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'noScopeRequested', pointer: '/paths/~1me/get/security/0/oidc', line: 9 }] },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'noScopeRequested', pointer: '/security/0/oauth', line: 6 },
        { messageId: 'noScopesDefined', pointer: '/securityDefinitions/oauth/scopes', line: 13 },
      ],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'noScopeRequested', pointer: '/security/0/oauth', line: 6 },
        { messageId: 'noScopesDefined', pointer: '/components/securitySchemes/oauth/flows/deviceAuthorization', line: 13 },
      ],
    },
  ],
});
