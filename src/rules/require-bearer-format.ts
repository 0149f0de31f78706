import { defineRule } from './define-rule';
import { httpAuthScheme, keyOf } from './support/openapi';

export default defineRule({
  id: 'require-bearer-format',
  severity: 'hint',
  description: 'HTTP bearer security schemes should declare `bearerFormat`.',
  rationale:
    'Knowing the token format (for example `JWT`) tells reviewers and clients what is validated and how; an ' +
    'undocumented bearer token hides whether it is a signed, expiring token or an opaque long-lived secret. ' +
    'Bearer schemes exist only in OpenAPI 3.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OpenAPI Specification 3.x: Security Scheme Object `bearerFormat`',
  ],
  owasp: 'API2:2023',
  cwe: [287],
  fix: 'Add `bearerFormat` (e.g. `JWT`) to the scheme.',
  messages: {
    missing: 'Bearer security scheme "{{name}}" declares no bearerFormat.',
  },
  visit: {
    // Swagger 2.0 has no bearer schemes.
    '$.components.securitySchemes[*]'(scheme, context) {
      if (httpAuthScheme(scheme) !== 'bearer') return;
      if (typeof scheme.bearerFormat !== 'string' || scheme.bearerFormat.trim() === '') {
        context.report('missing', { data: { name: keyOf(context.path) } });
      }
    },
  },
});
