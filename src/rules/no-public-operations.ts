import { defineRule } from './define-rule';
import { operationLabel, securityStatus } from './support/openapi';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export default defineRule({
  id: 'no-public-operations',
  severity: 'info',
  description: 'Operations that opt out of security are listed for review.',
  rationale:
    'An explicit opt-out (`security: []`, or an empty `{}` alternative that makes authentication optional) may be ' +
    "right for a health check or a login endpoint, and wrong anywhere else; each one deserves a reviewer's " +
    'confirmation. Public write operations (POST, PUT, PATCH, DELETE) are called out: they change state for anyone.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
  ],
  owasp: 'API5:2023',
  cwe: [306],
  fix: 'Confirm the operation is meant to be public, or give it a security requirement.',
  messages: {
    public: 'Operation {{operation}} can be called without authentication; confirm it is meant to be public.',
    publicWrite: 'Write operation {{operation}} can be called without authentication; confirm it is meant to be public.',
  },
  visit: {
    Operation(operation, context) {
      const status = securityStatus(operation, context.root);
      if (status !== 'public' && status !== 'optional') return;
      const method = String(context.path[context.path.length - 1]);
      context.report(WRITE_METHODS.has(method) ? 'publicWrite' : 'public', {
        at: 'security' in operation ? ['security'] : [],
        data: { operation: operationLabel(context.path) },
      });
    },
  },
});
