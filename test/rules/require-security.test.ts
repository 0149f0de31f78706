import rule from '../../src/rules/require-security';
import { testRule } from '../support/rule-tester';

const SCHEMES = ['components:', '  securitySchemes:', '    key: {type: apiKey, in: header, name: X-API-Key}'];

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'noAuthentication',
          pointer: '',
          line: 1,
          message: 'The API declares no authentication: no security scheme and no security requirement for its 2 operations.',
          related: ['/paths/~1pets/get', '/paths/~1pets/post'],
        },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'emptyRootSecurity',
          pointer: '/security',
          line: 5,
          message: 'The root `security: []` requires nothing, leaving 1 operation without a security requirement.',
          related: ['/paths/~1pets/get'],
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'noAuthentication', pointer: '', line: 1, related: ['/paths/~1pets/get'] }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'noAuthentication',
          pointer: '',
          line: 1,
          related: ['/paths/~1pets/query', '/paths/~1pets/additionalOperations/LOCK'],
        },
      ],
    },
    {
      name: 'schemes declared, some operations protected: each other operation is reported',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    get: {responses: {"200": {description: ok}}}',
        '    post: {security: [{key: []}], responses: {"201": {description: ok}}}',
        '    delete: {responses: {"204": {description: ok}}}',
        ...SCHEMES,
        '',
      ].join('\n'),
      findings: [
        { messageId: 'missing', pointer: '/paths/~1pets/get', line: 5, message: 'Operation GET /pets has no security requirement.' },
        { messageId: 'missing', pointer: '/paths/~1pets/delete', line: 7 },
      ],
    },
    {
      name: 'schemes declared but no operation protected: one finding for the document',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    get: {responses: {"200": {description: ok}}}',
        '    delete: {responses: {"204": {description: ok}}}',
        ...SCHEMES,
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'noneSecured',
          pointer: '/paths',
          line: 3,
          message: 'None of the 2 operations has a security requirement.',
          related: ['/paths/~1pets/get', '/paths/~1pets/delete'],
        },
      ],
    },
  ],
});
