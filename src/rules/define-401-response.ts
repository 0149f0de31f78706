import { defineRule } from './define-rule';
import { requireResponse, requiresAuthentication } from './support/openapi';

export default defineRule({
  id: 'define-401-response',
  severity: 'warn',
  description: 'Operations that require authentication must define a 401 response.',
  rationale:
    'Clients need a documented, uniform answer when credentials are missing, expired or wrong; an undocumented 401 ' +
    'invites ad-hoc error handling that leaks details or retries blindly. Only operations whose effective security ' +
    '(their own `security`, else the root `security`) demands authentication are checked: public operations ' +
    '(`security: []` or an empty `{}` alternative) and operations with no security at all are not. A `4XX` range ' +
    'or `default` response does not count: the 401 contract (challenge, body) deserves its own entry.',
  sources: ['OWASP API Security Top 10 2023 API2 (Broken Authentication)', 'RFC 9110 §15.5.2 (401 Unauthorized)'],
  owasp: 'API2:2023',
  cwe: [287],
  fix: "Add a `401` response (ideally a shared `$ref`'d component) describing the error body and `WWW-Authenticate` header.",
  messages: {
    missing401: 'Operation {{operation}} requires authentication but defines no 401 response.',
  },
  visit: {
    Operation(operation, context) {
      if (requiresAuthentication(operation, context.root)) requireResponse(operation, ['401'], context, 'missing401');
    },
  },
});
