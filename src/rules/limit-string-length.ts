import { defineRule } from './define-rule';
import type { JsonObject } from './support/openapi';
import { hasType, reportInputFields } from './support/request-schemas';

/** Formats whose values have a bounded length by definition. */
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6']);

/** Whether a string input has no bound on its length. */
function isUnboundedString(schema: JsonObject): boolean {
  if (!hasType(schema, 'string') || 'maxLength' in schema || 'enum' in schema || 'const' in schema) return false;
  return !(typeof schema.format === 'string' && BOUNDED_FORMATS.has(schema.format));
}

const ID = 'limit-string-length';

export default defineRule({
  id: ID,
  severity: 'warn',
  description: 'String inputs must be bounded: `maxLength`, `enum`/`const`, or a bounded `format`.',
  rationale:
    'An unbounded string lets a client send megabytes where a name was expected, exhausting memory, storage and ' +
    'CPU in parsers, regular expressions and databases. Bounded formats (date, date-time, time, uuid, ipv4, ipv6) ' +
    'and enumerations need no `maxLength`. Only request inputs (parameters and request bodies) are checked; a ' +
    'shared schema is reported once, at its definition.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'OWASP Input Validation Cheat Sheet: define the allowed length',
  ],
  owasp: 'API4:2023',
  cwe: [770, 1284],
  fix: 'Add `maxLength` (or `enum`, or a bounded `format` such as `uuid` or `date-time`).',
  messages: {
    unbounded: 'String input has no maxLength, enum or bounded format.',
    many: '{{input}} has {{count}} string fields without maxLength, enum or bounded format: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(context, input, ID, (schema) => (isUnboundedString(schema) ? 'unbounded' : undefined), 'many');
    },
  },
});
