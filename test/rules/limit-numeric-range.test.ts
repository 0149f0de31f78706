import rule from '../../src/rules/limit-numeric-range';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-oas31.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 },
        { messageId: 'noUpperBound', pointer: '/paths/~1pets/post/parameters/1/schema', line: 15 },
        {
          messageId: 'noLowerBound',
          pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/weight',
          line: 24,
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'noUpperBound', pointer: '/paths/~1pets/get/parameters/0/schema', line: 11 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0', line: 9 }] },
  ],
});
