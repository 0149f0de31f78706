import { defineRule } from './define-rule';
import type { JsonObject } from './support/openapi';
import { hasType, reportInputFields } from './support/request-schemas';

const ID = 'require-integer-format';

/** Integer formats that fix the width of the value (OpenAPI's `int32`/`int64`, and the registry's narrower ones). */
const SIZED_FORMATS = new Set(['int32', 'int64', 'int8', 'int16', 'uint8', 'uint16', 'uint32', 'uint64']);

/** Whether an integer input leaves its width open: no sized format, and not one of a fixed set of values. */
function hasOpenWidth(schema: JsonObject): boolean {
  if (!hasType(schema, 'integer') || 'enum' in schema || 'const' in schema) return false;
  return !(typeof schema.format === 'string' && SIZED_FORMATS.has(schema.format.toLowerCase()));
}

export default defineRule({
  id: ID,
  severity: 'warn',
  optIn: true,
  description: 'Integer inputs must declare their width: `format: int32` or `int64`.',
  rationale:
    'JSON integers have no size: an integer without a format is parsed as a 64-bit integer by one component, a ' +
    'double by another (JavaScript loses precision above 2^53) and a 32-bit integer by a third, and the value that ' +
    'passed validation overflows or wraps where it is used: a negative page size, a quantity that wraps to zero. ' +
    'Declaring `int32` or `int64` lets every generated client and gateway agree on the range. Enumerations and ' +
    'constants need no format. Opt-in: on in strict, off in recommended. Only request inputs are checked; the ' +
    'integer fields of one input are one finding, and a shared schema is reported once, at its definition.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'OpenAPI Specification: Data Types (`int32`, `int64`)',
  ],
  owasp: 'API4:2023',
  cwe: [190, 1284],
  fix: 'Add `format: int32` (or `int64` for values that exceed 2^31), with `minimum` and `maximum` for the range the API accepts.',
  messages: {
    openWidth: 'Integer input has no format (int32 or int64): its range depends on the parser.',
    many: '{{input}} has {{count}} integer fields without format (int32 or int64): {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(context, input, ID, (schema) => (hasOpenWidth(schema) ? 'openWidth' : undefined), 'many');
    },
  },
});
