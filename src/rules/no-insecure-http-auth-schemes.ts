import { defineRule } from './define-rule';
import { asText, httpAuthScheme, keyOf } from './support/openapi';

/** HTTP auth schemes judged elsewhere or acceptable: basic has its own rule. */
const ACCEPTED = new Set(['bearer', 'basic', 'mutual']);

export default defineRule({
  id: 'no-insecure-http-auth-schemes',
  severity: 'warn',
  description: 'HTTP security schemes must be `bearer` (or `mutual`), not Digest, Negotiate, NTLM or other legacy schemes.',
  rationale:
    'Digest relies on MD5 and is open to downgrade and offline cracking, NTLM and Negotiate relay attacks are ' +
    'well known, and the HTTP `oauth` scheme is OAuth 1.0. `basic` is reported by no-http-basic-auth. Scheme names ' +
    'are case-insensitive. HTTP schemes exist only in OpenAPI 3.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'RFC 7616 §5 (Digest security considerations)',
    'IANA HTTP Authentication Scheme Registry',
  ],
  owasp: 'API2:2023',
  cwe: [287, 327],
  fix: 'Use `scheme: bearer` with OAuth 2.0 or OpenID Connect tokens, or mutual TLS.',
  messages: {
    insecureScheme: 'Security scheme "{{name}}" uses the HTTP "{{scheme}}" authentication scheme.',
  },
  visit: {
    // Swagger 2.0 has no `type: http` schemes: its `basic` is no-http-basic-auth's.
    '$.components.securitySchemes[*]'(scheme, context) {
      const name = httpAuthScheme(scheme);
      if (name !== undefined && !ACCEPTED.has(name)) {
        context.report('insecureScheme', { at: ['scheme'], data: { name: keyOf(context.path), scheme: asText(scheme.scheme) } });
      }
    },
  },
});
