import { defineRule } from './define-rule';
import { httpAuthScheme, keyOf } from './support/openapi';

export default defineRule({
  id: 'no-http-basic-auth',
  severity: 'error',
  description: 'Security schemes must not use HTTP Basic authentication.',
  rationale:
    'Basic authentication sends a reusable password, merely base64-encoded, with every request; it cannot be scoped, ' +
    'expires never, and leaks through logs and proxies. HTTP auth scheme names are case-insensitive, so `Basic` is flagged too.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'NCSC API security guidance: do not use HTTP Basic authentication',
    'RFC 7617 §4 (Security Considerations)',
  ],
  owasp: 'API2:2023',
  cwe: [287, 522],
  fix: 'Use OAuth 2.0 (authorization code or client credentials flows), OpenID Connect, or mutual TLS instead.',
  messages: {
    basic: 'Security scheme "{{name}}" uses HTTP Basic authentication.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      const name = keyOf(context.path);
      if (httpAuthScheme(scheme) === 'basic') context.report('basic', { at: ['scheme'], data: { name } });
      else if (scheme.type === 'basic') context.report('basic', { at: ['type'], data: { name } });
    },
  },
});
