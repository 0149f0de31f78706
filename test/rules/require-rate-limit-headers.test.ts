import rule from '../../src/rules/require-rate-limit-headers';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    {
      name: "Twitter's X-Rate-Limit-* family",
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        '        "200":',
        '          description: ok',
        '          headers:',
        '            X-Rate-Limit-Limit: {schema: {type: integer}}',
        '            X-Rate-Limit-Remaining: {schema: {type: integer}}',
        '            X-Rate-Limit-Reset: {schema: {type: integer}}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'missing', pointer: '/paths/~1pets/get/responses/200', line: 9 },
        { messageId: 'incomplete', pointer: '/paths/~1pets/get/responses/204/headers', line: 13 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'incomplete',
          pointer: '/Ok/headers',
          line: 3,
          file: 'fixtures/rules/require-rate-limit-headers/shared-responses.yaml',
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing', pointer: '/paths/~1pets/get/responses/200', line: 9 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'none',
          pointer: '/paths',
          line: 5,
          message: 'None of the 2 success responses declares rate-limit headers.',
          related: ['/paths/~1pets/query/responses/200', '/paths/~1pets/additionalOperations/LOCK/responses/200'],
        },
      ],
    },
  ],
});
