import rule from '../../src/rules/no-numeric-ids';
import { testRule } from '../support/rule-tester';

const path = '/paths/~1users~1{user_id}~1orders~1{orderId}';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    {
      name: 'an integer id on a public operation: nothing to authorise',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /orders/{orderId}:',
        '    get:',
        '      parameters: [{name: orderId, in: path, required: true, schema: {type: integer}}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'numericId', pointer: `${path}/parameters/0/schema/type`, line: 12 },
        {
          messageId: 'numericId',
          pointer: `${path}/get/parameters/0/schema/type`,
          line: 20,
          message: 'Path parameter "orderId" is a guessable number id; prefer an unguessable id.',
        },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'numericId', pointer: '/paths/~1items~1{item-id}/get/parameters/0/schema/type', line: 13 }],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'numericId', pointer: '/paths/~1orders~1{ID}/get/parameters/0/type', line: 12 }],
    },
  ],
});
