import { defineRule } from './define-rule';

export default defineRule({
  id: 'no-authorization-header-parameter',
  severity: 'warn',
  description: 'Authentication must be declared as a security scheme, not as an `Authorization` header parameter.',
  rationale:
    'A hand-declared `Authorization` parameter hides how the API authenticates: tools cannot tell which scheme ' +
    'applies, gateways cannot enforce it, and reviewers cannot see which operations are protected. OpenAPI 3 ' +
    'even says such a parameter is ignored. The name is matched case-insensitively.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OpenAPI Specification 3.x: Parameter Object (`in: header` named Authorization is ignored)',
  ],
  owasp: 'API2:2023',
  cwe: [287],
  fix: 'Remove the parameter and describe the authentication as a security scheme referenced by `security`.',
  messages: {
    authorizationHeader: 'Header parameter "{{name}}" carries credentials; declare a security scheme instead.',
  },
  visit: {
    Parameter(parameter, context) {
      if (parameter.in === 'header' && typeof parameter.name === 'string' && parameter.name.toLowerCase() === 'authorization') {
        context.report('authorizationHeader', { at: ['name'], data: { name: parameter.name } });
      }
    },
  },
});
