import { defineRule } from './define-rule';
import { JsonObject } from './support/openapi';
import { hasType, reportInputFields } from './support/request-schemas';

/** A bound is `minimum`/`maximum`, or a numeric (OpenAPI 3.1) `exclusiveMinimum`/`exclusiveMaximum`. */
function hasBound(schema: JsonObject, inclusive: 'minimum' | 'maximum', exclusive: 'exclusiveMinimum' | 'exclusiveMaximum'): boolean {
  return typeof schema[inclusive] === 'number' || typeof schema[exclusive] === 'number';
}

const ID = 'limit-numeric-range';

/** Which bound a numeric input lacks, as a message id; undefined when it has both, or is not numeric. */
function missingBound(schema: JsonObject): 'unbounded' | 'noLowerBound' | 'noUpperBound' | undefined {
  if (!(hasType(schema, 'integer') || hasType(schema, 'number')) || 'enum' in schema || 'const' in schema) return undefined;
  const lower = hasBound(schema, 'minimum', 'exclusiveMinimum');
  const upper = hasBound(schema, 'maximum', 'exclusiveMaximum');
  if (!lower && !upper) return 'unbounded';
  if (!lower) return 'noLowerBound';
  return upper ? undefined : 'noUpperBound';
}

export default defineRule({
  id: ID,
  severity: 'warn',
  description: 'Integer and number inputs must have a lower and an upper bound (or `enum`/`const`).',
  rationale:
    'Unbounded numbers reach code that never expected them: a page size of 10^9, a negative quantity, an amount ' +
    'that overflows. Bounds count in both forms: `minimum`/`maximum` (with the OpenAPI 3.0 boolean ' +
    '`exclusiveMinimum`/`exclusiveMaximum`) and the OpenAPI 3.1 numeric `exclusiveMinimum`/`exclusiveMaximum`. ' +
    'Only request inputs are checked; a shared schema is reported once, at its definition. ' +
    'Two or more at fault in one request input (a body or a parameter) are one finding for the input, with them listed as related locations.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'OWASP Input Validation Cheat Sheet: define the allowed range',
  ],
  owasp: 'API4:2023',
  cwe: [1284, 190],
  fix: 'Add `minimum` and `maximum` (or an `enum`).',
  messages: {
    unbounded: 'Numeric input has neither a lower nor an upper bound.',
    noLowerBound: 'Numeric input has no lower bound (minimum).',
    noUpperBound: 'Numeric input has no upper bound (maximum).',
    many: '{{input}} has {{count}} numeric fields without a lower or an upper bound: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(context, input, ID, missingBound, 'many');
    },
  },
});
