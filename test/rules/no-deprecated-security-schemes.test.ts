import rule from '../../src/rules/no-deprecated-security-schemes';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // The root's requirement is one finding for the operations that inherit it; /health also accepts OAuth2.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'inheritedOnlyDeprecated',
          pointer: '/security',
          line: 5,
          message: '2 operations (GET /pets, POST /pets) inherit this security, which only deprecated schemes (legacyKey) satisfy.',
          related: ['/paths/~1pets/get', '/paths/~1pets/post'],
        },
        {
          messageId: 'onlyDeprecated',
          pointer: '/paths/~1stores/get/security',
          line: 19,
          message: 'GET /stores can only be called with deprecated security schemes (legacyKey).',
          // The scheme is defined in the shared file.
          related: ['/LegacyKey'],
        },
      ],
    },
    {
      // Needing a current scheme too does not help: the deprecated one is still required.
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'onlyDeprecated', pointer: '/paths/~1pets/get/security', line: 8, related: ['/components/securitySchemes/legacyKey'] },
      ],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'onlyDeprecated', pointer: '/paths/~1pets/get/security', line: 8, related: ['/components/securitySchemes/oldBearer'] },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'onlyDeprecated', pointer: '/paths/~1pets/get/security', line: 8, related: ['/securityDefinitions/legacyKey'] },
      ],
    },
  ],
});
