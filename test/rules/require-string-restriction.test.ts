import rule from '../../src/rules/require-string-restriction';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // The body is a shared schema: its one unrestricted field is reported at its definition; maxLength is no restriction.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'unrestricted',
          pointer: '/paths/~1pets/post/parameters/0/schema',
          line: 11,
          message: 'String input has no format, pattern, enum or const: any text is accepted.',
        },
        {
          messageId: 'unrestricted',
          pointer: '/Pet/properties/name',
          line: 7,
          file: 'fixtures/rules/require-string-restriction/shared-schemas.yaml',
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unrestricted', pointer: '/paths/~1pets/get/parameters/0/schema', line: 11 }] },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'unrestricted', pointer: '/paths/~1pets/post/parameters/0', line: 9 },
        {
          messageId: 'many',
          pointer: '/paths/~1pets/post/parameters/1/schema',
          line: 15,
          message: 'Parameter "body" of POST /pets has 2 string fields without format, pattern, enum or const: name, nickname.',
          related: ['/paths/~1pets/post/parameters/1/schema/properties/name', '/paths/~1pets/post/parameters/1/schema/properties/nickname'],
        },
      ],
    },
  ],
});
