import { defineRule } from './define-rule';
import { operationLabel, securityStatus } from './support/openapi';

export default defineRule({
  id: 'require-security',
  severity: 'error',
  description: 'Every operation must have a security requirement, or opt out explicitly.',
  rationale:
    'An operation without any security requirement is callable by anyone, and nothing in the description says ' +
    'whether that is intended. Operations that opt out explicitly (`security: []`, or an empty `{}` alternative) ' +
    'are reported by no-public-operations for review instead; a root `security: []` is not an explicit opt-out ' +
    'of any one operation.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OpenAPI Specification: Security Requirement Object',
  ],
  owasp: 'API2:2023',
  cwe: [306],
  fix: 'Add a root `security` requirement (and `securitySchemes`), or set `security` on the operation; mark public operations with `security: []`.',
  messages: {
    missing: 'Operation {{operation}} has no security requirement.',
  },
  visit: {
    Operation(operation, context) {
      if (securityStatus(operation, context.root) === 'none')
        context.report('missing', { data: { operation: operationLabel(context.path) } });
    },
  },
});
