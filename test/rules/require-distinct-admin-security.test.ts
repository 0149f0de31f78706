import rule from '../../src/rules/require-distinct-admin-security';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    { name: 'the admin segments are an option', fixture: 'fail-swagger2.yaml', options: { adminSegments: ['admin'] } },
  ],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          // Sharing credentials is one design decision: one finding, each admin operation a place of it.
          // A token for GET /stores carries pets:read, all the reindex asks for.
          messageId: 'manyShared',
          pointer: '/paths',
          line: 7,
          message:
            '3 admin operations accept the credentials of non-admin operations: GET /admin/users (like GET /pets), DELETE /admin/users (like GET /pets), POST /internal/reindex (like GET /stores). Nothing in the description keeps non-admin clients out.',
          related: ['/paths/~1admin~1users/get', '/paths/~1admin~1users/delete', '/paths/~1internal~1reindex/post'],
        },
        {
          messageId: 'unprotected',
          pointer: '/paths/~1manage~1reset/post/security',
          line: 38,
          message: 'Admin operation POST /manage/reset can be called without authentication.',
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unprotected', pointer: '/paths/~1Admin~1settings/put/security', line: 15 }] },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        {
          messageId: 'shared',
          pointer: '/security',
          line: 5,
          message:
            'Admin operation GET /management/audit accepts the credentials of GET /pets (key): nothing in the description keeps non-admin clients out.',
          related: ['/paths/~1pets/get'],
        },
      ],
    },
  ],
});
