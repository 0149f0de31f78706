import { defineRule } from './define-rule';
import { isObject, securitySchemesOf } from './support/openapi';
import { SCOPED_TYPES } from './support/security';

/** Whether a document is OpenAPI 3.1 or later, where a requirement may list role names for any scheme. */
function allowsRoles(root: unknown): boolean {
  return isObject(root) && typeof root.openapi === 'string' && !root.openapi.startsWith('3.0');
}

export default defineRule({
  id: 'no-scopes-for-non-oauth2',
  severity: 'warn',
  description: 'Security requirements must list scopes only for OAuth2 and OpenID Connect schemes.',
  rationale:
    'Scopes in a requirement for an API key, HTTP or mutual TLS scheme are enforced by nothing the description ' +
    'declares: a reader takes the operation to be limited to those scopes while any valid key or token is accepted. ' +
    'Swagger 2.0 and OpenAPI 3.0 require an empty list for such schemes. OpenAPI 3.1 allows role names there, which ' +
    'the server must check itself: they are reported as infos, to be confirmed.',
  sources: [
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OpenAPI Specification: Security Requirement Object (scopes for oauth2 and openIdConnect; roles since 3.1)',
  ],
  owasp: 'API5:2023',
  cwe: [285],
  fix: 'Give the scheme an empty list (`[]`), or move the authorization to an OAuth2 scheme whose scopes grant it.',
  messages: {
    scopes: 'Security requirement for "{{name}}" lists scopes, but its scheme (type {{type}}) has none: nothing enforces them.',
    roles: 'Security requirement for "{{name}}" lists roles for a scheme of type {{type}}: confirm that the server checks them.',
  },
  visit: {
    SecurityRequirement(requirement, context) {
      const schemes = securitySchemesOf(context.root);
      for (const [name, scopes] of Object.entries(requirement)) {
        const scheme = schemes[name];
        if (!isObject(scheme) || typeof scheme.type !== 'string' || SCOPED_TYPES.has(scheme.type)) continue;
        if (!Array.isArray(scopes) || scopes.length === 0) continue;
        const data = { name, type: scheme.type };
        if (allowsRoles(context.root)) context.report('roles', { at: [name], data, atMost: 'info' });
        else context.report('scopes', { at: [name], data });
      }
    },
  },
});
