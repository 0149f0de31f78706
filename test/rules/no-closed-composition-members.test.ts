import rule from '../../src/rules/no-closed-composition-members';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas31.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // The closed member is a shared schema: reported at its definition.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'closedMember',
          pointer: '/Base',
          line: 1,
          file: 'fixtures/rules/no-closed-composition-members/shared-schemas.yaml',
          message:
            'This allOf member sets additionalProperties: false, so it rejects name, which the composition also declares: no payload with them is valid.',
        },
      ],
    },
    {
      // The composing schema's own properties count too.
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'closedMember',
          pointer: '/components/schemas/Order/allOf/0',
          line: 13,
          message:
            'This allOf member sets additionalProperties: false, so it rejects note, quantity, which the composition also declares: no payload with them is valid.',
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'closedMember', pointer: '/definitions/Cat/allOf/0', line: 9 }] },
  ],
});
