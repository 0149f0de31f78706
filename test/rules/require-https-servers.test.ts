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
        {
          messageId: 'insecureUrl',
          pointer: '/servers/0/url',
          line: 6,
          column: 10,
          message: 'Server URL "http://api.example.com" uses http://; serve the API over HTTPS only.',
        },
        {
          messageId: 'insecureVariable',
          pointer: '/servers/1/variables/scheme/default',
          line: 10,
          column: 18,
          message: 'Server variable "scheme" can be "http", which makes the URL "http://api.example.com" use http://.',
        },
        { messageId: 'insecureVariable', pointer: '/servers/1/variables/scheme/enum/1', line: 11 },
        { messageId: 'insecureUrl', pointer: '/paths/~1pets/servers/0/url', line: 15 },
        { messageId: 'insecureUrl', pointer: '/paths/~1pets/get/servers/0/url', line: 18, message: /uses ws:\/\// },
      ],
    },
    {
      name: 'inline: a server variable whose enum offers http',
      code: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers:\n  - url: "{proto}://api.example.com"\n    variables:\n      proto: {default: https, enum: [https, http]}\npaths: {}\n',
      findings: [
        { messageId: 'insecureVariable', pointer: '/servers/0/variables/proto/enum/1', line: 6, column: 45, message: /can be "http"/ },
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
      findings: [{ messageId: 'insecureUrl', pointer: '/paths/~1pets/additionalOperations/LOCK/servers/0/url', line: 12 }],
    },
  ],
});
