import { defineRule } from './define-rule';
import { hasType, reportInputFields } from './support/request-schemas';

const ID = 'limit-array-items';

export default defineRule({
  id: ID,
  severity: 'warn',
  description: 'Array inputs must declare `maxItems`.',
  rationale:
    'An unbounded array lets one request carry millions of items, each to be validated, stored or processed: ' +
    'a cheap way to exhaust server resources or to run batch operations the API never meant to allow. Only ' +
    'request inputs are checked; a shared schema is reported once, at its definition. ' +
    'Two or more at fault in one request input (a body or a parameter) are one finding for the input, with them listed as related locations.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'OWASP API Security Top 10 2023 API6 (Unrestricted Access to Sensitive Business Flows): batch abuse',
  ],
  owasp: 'API4:2023',
  cwe: [770],
  fix: 'Add `maxItems` with the largest number of items a request may carry.',
  messages: {
    unbounded: 'Array input has no maxItems.',
    many: '{{input}} has {{count}} array fields without maxItems: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(
        context,
        input,
        ID,
        (schema) => (hasType(schema, 'array') && !('maxItems' in schema) ? 'unbounded' : undefined),
        'many',
      );
    },
  },
});
