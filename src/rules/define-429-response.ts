import { defineRule } from './define-rule';
import { reportMissingResponses } from './support/gaps';

export default defineRule({
  id: 'define-429-response',
  severity: 'warn',
  description: 'Every operation must define a 429 (Too Many Requests) response.',
  rationale:
    'An API without documented rate limiting is exposed to brute force, scraping and resource exhaustion, and its ' +
    'clients cannot back off correctly. Declaring 429 on every operation documents that limits exist and how ' +
    'clients learn about them. ' +
    'When two or more operations lack it and none has it, that is one finding for the document, with the operations listed as related locations.',
  sources: ['OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)', 'RFC 6585 §4 (429 Too Many Requests)'],
  owasp: 'API4:2023',
  cwe: [770],
  fix: 'Add a `429` response, ideally a shared component with a `Retry-After` header and an error body.',
  messages: {
    missing429: 'Operation {{operation}} defines no 429 (Too Many Requests) response.',
    none429: 'None of the {{count}} operations defines a 429 (Too Many Requests) response.',
  },
  visit: {
    Document(root, context) {
      reportMissingResponses(context, root, () => true, ['429'], 'missing429', 'none429');
    },
  },
});
