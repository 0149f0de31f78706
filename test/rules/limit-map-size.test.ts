import rule from '../../src/rules/limit-map-size';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'many',
          pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema',
          line: 11,
          message: 'The request body of POST /pets has 2 free-form object fields without maxProperties: (root), labels.',
          related: [
            '/paths/~1pets/post/requestBody/content/application~1json/schema',
            '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/labels',
          ],
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0/schema', line: 12 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 }] },
  ],
});
