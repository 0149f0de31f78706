import { defineRule } from './define-rule';
import { asText, isObject, oauth2Scopes, securitySchemesOf } from './support/openapi';

export default defineRule({
  id: 'require-defined-security-schemes',
  severity: 'error',
  description: 'Security requirements must name defined security schemes and defined OAuth2 scopes.',
  rationale:
    'A requirement naming a scheme that does not exist protects nothing: generators and gateways drop it or fail, ' +
    'and the operation may end up unprotected. A requested OAuth2 scope that no flow defines cannot be granted, ' +
    'so the check it describes is either impossible or silently different. Scopes of OpenID Connect and other ' +
    'schemes are not checked: they are not declared in the document.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OpenAPI Specification: Security Requirement Object (names MUST correspond to a declared scheme)',
  ],
  owasp: 'API2:2023',
  cwe: [287],
  fix: 'Declare the scheme under `components.securitySchemes` (`securityDefinitions` in Swagger 2.0), or fix the name; add the scope to the flow or request one it defines.',
  messages: {
    undefinedScheme: 'Security requirement names "{{name}}", which is not a declared security scheme.',
    undefinedScope: 'Security requirement asks "{{name}}" for scope "{{scope}}", which it does not define.',
  },
  visit: {
    SecurityRequirement(requirement, context) {
      const schemes = securitySchemesOf(context.root);
      for (const [name, scopes] of Object.entries(requirement)) {
        const scheme = schemes[name];
        if (!isObject(scheme)) {
          context.report('undefinedScheme', { at: [name], data: { name } });
        } else if (scheme.type === 'oauth2' && Array.isArray(scopes)) {
          const defined = oauth2Scopes(scheme);
          scopes.forEach((scope, index) => {
            if (!defined.has(asText(scope))) context.report('undefinedScope', { at: [name, index], data: { name, scope: asText(scope) } });
          });
        }
      }
    },
  },
});
