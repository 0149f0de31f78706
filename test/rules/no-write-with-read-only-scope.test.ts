import rule from '../../src/rules/no-write-with-read-only-scope';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    { name: 'the read-only patterns are an option', fixture: 'fail-swagger2.yaml', options: { readOnlyScopes: ['view'] } },
  ],
  invalid: [
    {
      // The root requirement is one finding for the two writes that inherit it; PUT has a read-only alternative of its own.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'inheritedReadOnly',
          pointer: '/security/0',
          line: 6,
          message:
            '2 operations that change data (POST /pets, DELETE /pets/{petId}) inherit this requirement, whose scopes are all read-only (pets:read): a read-only client can call them.',
          related: ['/paths/~1pets/post', '/paths/~1pets~1{petId}/delete'],
        },
        {
          messageId: 'readOnly',
          pointer: '/paths/~1pets~1{petId}/put/security/0',
          line: 27,
          message:
            'PUT /pets/{petId} changes data but accepts a token with only read-only scopes (pets:read): a read-only client can call it.',
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'readOnly', pointer: '/paths/~1profile/patch/security/0', line: 9 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'readOnly', pointer: '/paths/~1pets/post/security/0', line: 9 }] },
  ],
});
