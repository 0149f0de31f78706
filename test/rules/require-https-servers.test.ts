import rule from '../../src/rules/require-https-servers';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-oas31.yaml',
    'pass-swagger2.yaml',
    { fixture: 'pass-allowed-host.yaml', options: { allowHosts: ['localhost'] } },
  ],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'insecureUrl', pointer: '/servers/0/url', line: 6 },
        { messageId: 'insecureVariable', pointer: '/servers/1/variables/scheme/default', line: 10 },
        { messageId: 'insecureVariable', pointer: '/servers/1/variables/scheme/enum/1', line: 11 },
        { messageId: 'insecureUrl', pointer: '/paths/~1pets/servers/0/url', line: 15 },
        { messageId: 'insecureUrl', pointer: '/paths/~1pets/get/servers/0/url', line: 18 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'insecureVariable', pointer: '/servers/0/variables/base/default', line: 9 }],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'insecureScheme', pointer: '/schemes/0', line: 6 },
        { messageId: 'insecureScheme', pointer: '/paths/~1pets/get/schemes/0', line: 10 },
      ],
    },
    {
      fixture: 'fail-allowed-host-other.yaml',
      options: { allowHosts: ['localhost'] },
      findings: [{ messageId: 'insecureScheme', pointer: '/schemes/0', line: 6 }],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'insecureUrl', pointer: '/paths/~1pets/additionalOperations/LOCK/servers/0/url', line: 12 },
      ],
    },
  ],
});
