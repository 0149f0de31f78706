import { defineRule } from './define-rule';
import { reportMissingResponses } from './support/gaps';
import { requiresAuthentication } from './support/openapi';

export default defineRule({
  id: 'define-403-response',
  severity: 'info',
  description: 'Operations that require authentication should define a 403 response.',
  rationale:
    'An authenticated caller may still lack the right to a resource or action; documenting 403 makes the ' +
    'authorisation check part of the contract, which is where broken object- and function-level authorisation ' +
    'is caught in review. Only operations whose effective security demands authentication are checked. ' +
    'When two or more operations lack it and none has it, that is one finding for the document, with the operations listed as related locations.',
  sources: [
    'OWASP API Security Top 10 2023 API1 (Broken Object Level Authorization)',
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'RFC 9110 §15.5.4 (403 Forbidden)',
  ],
  owasp: 'API5:2023',
  cwe: [285],
  fix: "Add a `403` response (ideally a shared `$ref`'d component) for callers that are authenticated but not allowed.",
  messages: {
    missing403: 'Operation {{operation}} requires authentication but defines no 403 response.',
    none403: 'None of the {{count}} operations that require authentication defines a 403 response.',
  },
  visit: {
    Document(root, context) {
      reportMissingResponses(context, root, ({ operation }) => requiresAuthentication(operation, root), ['403'], 'missing403', 'none403');
    },
  },
});
