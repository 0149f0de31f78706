import rule from '../../src/rules/require-bearer-format';
import { testRule } from '../support/rule-tester';

// Bearer schemes do not exist in Swagger 2.0.
testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'missing', pointer: '/components/securitySchemes/bearer', line: 8 }] },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'missing', pointer: '/components/securitySchemes/token', line: 8 }] },
  ],
});
