import { defineRule } from './define-rule';
import { isObject } from './support/openapi';
import { reportInputFields } from './support/request-schemas';

const ID = 'limit-map-size';

export default defineRule({
  id: ID,
  severity: 'info',
  description: 'Free-form object inputs (`additionalProperties` a schema or `true`) should declare `maxProperties`.',
  rationale:
    'A map of client-chosen keys can grow without limit: each key costs memory, and hash-flooding or huge ' +
    'metadata blobs follow. Only explicit free-form maps are checked (an absent `additionalProperties` is ' +
    "require-additional-properties-false's concern for bodies). Only request inputs are checked. Two or more at " +
    'fault in one request input (a body or a parameter) are one finding for the input, with them listed as related locations.',
  sources: ['OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)'],
  owasp: 'API4:2023',
  cwe: [770],
  fix: 'Add `maxProperties` with the largest number of entries a request may carry.',
  messages: {
    unbounded: 'Free-form object input has no maxProperties.',
    many: '{{input}} has {{count}} free-form object fields without maxProperties: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(
        context,
        input,
        ID,
        (schema) => {
          const freeForm = schema.additionalProperties === true || isObject(schema.additionalProperties);
          return freeForm && !('maxProperties' in schema) ? 'unbounded' : undefined;
        },
        'many',
      );
    },
  },
});
