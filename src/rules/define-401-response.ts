import { defineRule } from './define-rule';
import { reportMissingResponses } from './support/gaps';
import { requiresAuthentication } from './support/openapi';

export default defineRule({
  id: 'define-401-response',
  severity: 'info',
  description: 'Operations that require authentication must define a 401 response.',
  rationale:
    'Clients need a documented, uniform answer when credentials are missing, expired or wrong; an undocumented 401 ' +
    'invites ad-hoc error handling that leaks details or retries blindly. Only operations whose effective security ' +
    '(their own `security`, else the root `security`) demands authentication are checked: public operations ' +
    '(`security: []` or an empty `{}` alternative) and operations with no security at all are not. A `4XX` range ' +
    'or `default` response does not count: the 401 contract (challenge, body) deserves its own entry. ' +
    'It is an info in the recommended preset: an undocumented 401 is a gap in the contract, not a defect on its own; the strict preset makes it an error. ' +
    'When two or more operations lack it and none has it, that is one finding for the document, with the operations listed as related locations.',
  sources: ['OWASP API Security Top 10 2023 API2 (Broken Authentication)', 'RFC 9110 §15.5.2 (401 Unauthorized)'],
  owasp: 'API2:2023',
  cwe: [287],
  fix: "Add a `401` response (ideally a shared `$ref`'d component) describing the error body and `WWW-Authenticate` header.",
  messages: {
    missing401: 'Operation {{operation}} requires authentication but defines no 401 response.',
    none401: 'None of the {{count}} operations that require authentication defines a 401 response.',
  },
  visit: {
    Document(root, context) {
      reportMissingResponses(context, root, ({ operation }) => requiresAuthentication(operation, root), ['401'], 'missing401', 'none401');
    },
  },
});
