import { defineRule } from './define-rule';
import { isObject } from './support/openapi';
import { isBareObject, reportInputFields } from './support/request-schemas';

const ID = 'limit-map-size';

export default defineRule({
  id: ID,
  severity: 'info',
  description: 'Free-form object inputs (maps, and bare `{type: object}`) should declare `maxProperties`.',
  rationale:
    'A map of client-chosen keys can grow without limit: each key costs memory, and hash-flooding or huge ' +
    'metadata blobs follow. Free-form: `additionalProperties` a schema or `true`, an OpenAPI 3.1 ' +
    '`unevaluatedProperties` schema, or a bare `{type: object}` with nothing about its members (which JSON Schema ' +
    'lets hold any properties); objects that declare `properties` and leave `additionalProperties` out are ' +
    "require-additional-properties-false's concern. Only request inputs are checked. Two or more at " +
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
          const freeForm =
            schema.additionalProperties === true ||
            isObject(schema.additionalProperties) ||
            isObject(schema.unevaluatedProperties) ||
            isBareObject(schema);
          return freeForm && !('maxProperties' in schema) ? 'unbounded' : undefined;
        },
        'many',
      );
    },
  },
});
