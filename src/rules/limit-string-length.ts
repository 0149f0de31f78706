import { defineRule } from './define-rule';
import type { JsonObject } from './support/openapi';
import { hasType, reportInputFields } from './support/request-schemas';

/** Formats whose values have a bounded length by definition. */
/**
 * Formats whose values have a bounded length: dates and times, UUIDs, addresses, numbers written as strings
 * (`int64` ids), and country, language and currency codes.
 */
const BOUNDED_FORMATS = new Set([
  'date',
  'date-time',
  'time',
  'uuid',
  'ipv4',
  'ipv6',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'int8',
  'int16',
  'uint8',
  'uint16',
  'country-code',
  'language-code',
  'currency-code',
  'iso-3166',
  'iso-3166-1',
  'iso-3166-alpha-2',
  'iso-639',
  'iso-639-1',
  'iso-4217',
  'bcp47',
]);

/**
 * Whether a `pattern` bounds the length of what it matches: anchored at both ends, with every quantifier bounded
 * (`^[\da-z]{26}$`, `^[A-Z]{3,24}$`) and no `*`, `+` or open `{n,}`. A pattern with one of those characters in a
 * class is judged unbounded: a cautious reading.
 */
export function boundsLength(pattern: unknown): boolean {
  return typeof pattern === 'string' && /^\^/.test(pattern) && /(?<!\\)\$$/.test(pattern) && !/(?<!\\)[*+]|\{\d+,\}/.test(pattern);
}

const ID = 'limit-string-length';

/** Whether a string input has no bound on its length; binary uploads are bounded by request size, not `maxLength`. */
function isUnboundedString(schema: JsonObject): boolean {
  if (!hasType(schema, 'string') || 'maxLength' in schema || 'enum' in schema || 'const' in schema) return false;
  if (typeof schema.format === 'string' && (BOUNDED_FORMATS.has(schema.format.toLowerCase()) || schema.format === 'binary')) return false;
  return !boundsLength(schema.pattern);
}

export default defineRule({
  id: ID,
  severity: 'warn',
  description: 'String inputs must be bounded: `maxLength`, `enum`/`const`, or a bounded `format`.',
  rationale:
    'An unbounded string lets a client send megabytes where a name was expected, exhausting memory, storage and ' +
    'CPU in parsers, regular expressions and databases. Bounded formats (dates and times, uuid, ipv4, ipv6, ' +
    'numbers written as strings such as `int64`, country, language and currency codes), enumerations and anchored ' +
    '`pattern`s whose quantifiers are all bounded (`^[a-z]{3,24}$`) need no `maxLength`; `format: binary` uploads ' +
    'are bounded by the request size, not by `maxLength`; read-only schemas and everything below them are ignored. ' +
    'Only request inputs (parameters and request bodies) are checked; the unbounded fields of one input are one ' +
    'finding, and a shared schema is reported once, at its definition.',
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
