import rule from '../../src/rules/require-https-auth-urls';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas32.yaml', 'pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
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
