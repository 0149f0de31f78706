import rule from '../../src/rules/define-429-response';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'missing429', pointer: '/paths/~1pets/post/responses', line: 14 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'missing429', pointer: '/Pets/get/responses', line: 3, file: 'fixtures/rules/define-429-response/shared-paths.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing429', pointer: '/paths/~1pets/get/responses', line: 8 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'none429',
          pointer: '/paths',
          line: 5,
          related: ['/paths/~1pets/query', '/paths/~1pets/additionalOperations/LOCK'],
        },
      ],
    },
    {
      name: 'no operation defines it: one finding for the document, the operations related',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get: {responses: {"200": {description: ok}}}',
        '  /b:',
        '    get: {responses: {"200": {description: ok}}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'none429',
          pointer: '/paths',
          line: 3,
          message: 'None of the 2 operations defines a 429 (Too Many Requests) response.',
          related: ['/paths/~1a/get', '/paths/~1b/get'],
        },
      ],
    },
  ],
});
