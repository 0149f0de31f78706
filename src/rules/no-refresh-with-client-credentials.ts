import { defineRule } from './define-rule';
import { keyOf } from './support/openapi';

export default defineRule({
  id: 'no-refresh-with-client-credentials',
  severity: 'warn',
  description: 'A client credentials flow must not declare a `refreshUrl`.',
  rationale:
    'A client using the client credentials grant can simply ask for a new access token; refresh tokens there only ' +
    'add a long-lived secret to steal. RFC 6749 says a refresh token SHOULD NOT be issued for this grant. Only ' +
    'OpenAPI 3 has per-flow refresh URLs.',
  sources: ['OWASP API Security Top 10 2023 API2 (Broken Authentication)', 'RFC 6749 §4.4.3: a refresh token SHOULD NOT be included'],
  owasp: 'API2:2023',
  cwe: [613],
  fix: 'Remove `refreshUrl` from the `clientCredentials` flow.',
  messages: {
    refreshUrl: 'Security scheme "{{name}}" declares a refreshUrl for its client credentials flow.',
  },
  visit: {
    // Swagger 2.0's `application` flow has no refresh URL to give.
    '$.components.securitySchemes[*].flows.clientCredentials'(flow, context) {
      if ('refreshUrl' in flow) context.report('refreshUrl', { at: ['refreshUrl'], data: { name: keyOf(context.path.slice(0, -2)) } });
    },
  },
});
