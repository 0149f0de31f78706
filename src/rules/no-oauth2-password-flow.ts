import { defineRule } from './define-rule';
import { oauth2FlowAt } from './support/oauth2';
import { keyOf } from './support/openapi';

export default defineRule({
  id: 'no-oauth2-password-flow',
  severity: 'error',
  description: 'OAuth2 security schemes must not offer the resource owner password credentials flow.',
  rationale:
    "The password flow hands the user's password to the client application, defeating the purpose of delegated " +
    'authorisation, and cannot support multi-factor authentication. The OAuth 2.0 Security BCP forbids it.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OAuth 2.0 Security Best Current Practice (RFC 9700) §2.4: the resource owner password credentials grant MUST NOT be used',
  ],
  owasp: 'API2:2023',
  cwe: [287, 522],
  fix: 'Use the authorization code flow with PKCE for users, or the client credentials flow for machine clients.',
  messages: {
    password: 'Security scheme "{{name}}" offers the OAuth2 password flow.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      const at = oauth2FlowAt(scheme, 'password');
      if (at) context.report('password', { at, data: { name: keyOf(context.path) } });
    },
  },
});
