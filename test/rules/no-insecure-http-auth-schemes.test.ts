import rule from '../../src/rules/no-insecure-http-auth-schemes';
import { testRule } from '../support/rule-tester';

// HTTP security schemes do not exist in Swagger 2.0 (its `basic` type is no-http-basic-auth's).
testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'insecureScheme', pointer: '/components/securitySchemes/digest/scheme', line: 10 },
        { messageId: 'insecureScheme', pointer: '/components/securitySchemes/ntlm/scheme', line: 13 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'insecureScheme', pointer: '/components/securitySchemes/kerberos/scheme', line: 10 },
        { messageId: 'insecureScheme', pointer: '/components/securitySchemes/oauth1/scheme', line: 13 },
      ],
    },
  ],
});
