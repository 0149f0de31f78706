import { defineRule } from './define-rule';
import { oauth2FlowAt } from './support/oauth2';
import { keyOf } from './support/openapi';

export default defineRule({
  id: 'no-oauth2-implicit-flow',
  severity: 'error',
  description: 'OAuth2 security schemes must not offer the implicit flow.',
  rationale:
    'The implicit flow returns access tokens in the redirect URI fragment, where browser history, referrer headers and ' +
    'injected scripts can read them, and it cannot bind tokens to the client. The OAuth 2.0 Security BCP deprecates it.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OAuth 2.0 Security Best Current Practice (RFC 9700) §2.1.2: clients SHOULD NOT use the implicit grant',
  ],
  owasp: 'API2:2023',
  cwe: [287, 598],
  fix: 'Use the authorization code flow with PKCE (`authorizationCode` in OpenAPI 3, `accessCode` in Swagger 2.0).',
  messages: {
    implicit: 'Security scheme "{{name}}" offers the OAuth2 implicit flow.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      const at = oauth2FlowAt(scheme, 'implicit');
      if (at) context.report('implicit', { at, data: { name: keyOf(context.path) } });
    },
  },
});
