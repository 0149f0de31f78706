import rule from '../../src/rules/require-https-auth-urls';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas32.yaml',
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    {
      name: 'a templated host and a query string are well-formed',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  securitySchemes:',
        '    oauth:',
        '      type: oauth2',
        '      flows:',
        '        clientCredentials: {tokenUrl: "https://{tenant}.auth.example.com/token?v=2", scopes: {}}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a user name and a fragment hide the real host (OpenAPI 3.0)',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  securitySchemes:',
        '    oauth:',
        '      type: oauth2',
        '      flows:',
        '        authorizationCode:',
        '          authorizationUrl: https://login.example.com@evil.example/authorize',
        '          tokenUrl: https://login.example.com#@evil.example/token',
        '          scopes: {}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'malformed',
          pointer: '/components/securitySchemes/oauth/flows/authorizationCode/authorizationUrl',
          line: 10,
          message:
            'Security scheme "oauth" has a malformed URL, with a user name before "@", so its host is what follows: https://login.example.com@evil.example/authorize.',
        },
        {
          messageId: 'malformed',
          pointer: '/components/securitySchemes/oauth/flows/authorizationCode/tokenUrl',
          line: 11,
          message: 'Security scheme "oauth" has a malformed URL, with a fragment: https://login.example.com#@evil.example/token.',
        },
      ],
    },
    {
      name: 'a backslash (OpenAPI 3.1)',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  securitySchemes:',
        '    oidc: {type: openIdConnect, openIdConnectUrl: "https:\\\\evil.example/.well-known/openid-configuration"}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'malformed', pointer: '/components/securitySchemes/oidc/openIdConnectUrl', line: 6 }],
    },
    {
      name: 'no host (Swagger 2.0)',
      code: [
        'swagger: "2.0"',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'securityDefinitions:',
        '  oauth: {type: oauth2, flow: application, tokenUrl: "https:///token", scopes: {}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'malformed',
          pointer: '/securityDefinitions/oauth/tokenUrl',
          line: 5,
          message: 'Security scheme "oauth" has a malformed URL, with no host: https:///token.',
        },
      ],
    },
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'insecure', pointer: '/components/securitySchemes/oauth/flows/authorizationCode/tokenUrl', line: 13 },
        { messageId: 'insecure', pointer: '/components/securitySchemes/oauth/flows/clientCredentials/refreshUrl', line: 17 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'insecure', pointer: '/components/securitySchemes/oidc/openIdConnectUrl', line: 10 }],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'insecure', pointer: '/securityDefinitions/oauth/authorizationUrl', line: 10 }],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'insecure', pointer: '/components/securitySchemes/oauth/oauth2MetadataUrl', line: 10 },
        { messageId: 'insecure', pointer: '/components/securitySchemes/oauth/flows/deviceAuthorization/deviceAuthorizationUrl', line: 13 },
      ],
    },
  ],
});
