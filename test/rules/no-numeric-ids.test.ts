import rule from '../../src/rules/no-numeric-ids';
import { testRule } from '../support/rule-tester';

const path = '/paths/~1users~1{user_id}~1orders~1{orderId}';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'numericId', pointer: `${path}/parameters/0/schema/type`, line: 12 },
        { messageId: 'numericId', pointer: `${path}/get/parameters/0/schema/type`, line: 20 },
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
