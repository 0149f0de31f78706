import rule from '../../src/rules/require-integer-format';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // Bounds do not fix a width; the shared schema's enum field needs no format.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'openWidth',
          pointer: '/paths/~1orders/post/parameters/0/schema',
          line: 11,
          message: 'Integer input has no format (int32 or int64): its range depends on the parser.',
        },
        {
          messageId: 'openWidth',
          pointer: '/Order/properties/quantity',
          line: 4,
          file: 'fixtures/rules/require-integer-format/shared-schemas.yaml',
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'openWidth', pointer: '/paths/~1orders/get/parameters/0/schema', line: 11 }] },
    {
      // `bigint` is no width a parser knows.
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'openWidth', pointer: '/paths/~1orders/post/parameters/0', line: 9 },
        { messageId: 'openWidth', pointer: '/paths/~1orders/post/parameters/1/schema/properties/total', line: 22 },
      ],
    },
  ],
});
