import { defineRule } from './define-rule';
import { forEachInputSchema, hasType } from './support/request-schemas';

/** Formats whose values have a bounded length by definition. */
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6']);

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
  },
  visit: {
    RequestInput(input, context) {
      forEachInputSchema(input, context.root, ID, (schema, at) => {
        if (!hasType(schema, 'string') || 'maxLength' in schema || 'enum' in schema || 'const' in schema) return;
        if (typeof schema.format === 'string' && BOUNDED_FORMATS.has(schema.format)) return;
        context.report('unbounded', { at: at() });
      });
    },
  },
});
