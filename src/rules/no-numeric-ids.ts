import { defineRule, PathSegment } from './define-rule';
import { nameWords } from './support/names';
import { isObject } from './support/openapi';

/** Where a parameter's type is declared: OpenAPI 3 `schema.type`, Swagger 2.0 `type`. */
function typeAt(parameter: Record<string, unknown>): { type: unknown; at: PathSegment[] } {
  return isObject(parameter.schema) ? { type: parameter.schema.type, at: ['schema', 'type'] } : { type: parameter.type, at: ['type'] };
}

/** `integer` or `number`, alone or (OpenAPI 3.1) in a type list. */
function isNumeric(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === 'integer' || t === 'number');
}

export default defineRule({
  id: 'no-numeric-ids',
  severity: 'info',
  description: 'Path parameters that identify objects should not be plain integers.',
  rationale:
    'Sequential integer ids are guessable: change `/orders/41` to `/orders/42` and, if object-level authorisation ' +
    "is missing anywhere, another customer's order appears. Unguessable ids (UUIDs, random strings) do not replace " +
    'authorisation checks but make their absence much harder to exploit. Path parameters named `id` or ending in ' +
    'the word `id` (`orderId`, `order_id`, `order-id`) with an integer or number type are listed for review.',
  sources: [
    'OWASP API Security Top 10 2023 API1 (Broken Object Level Authorization)',
    'OWASP Insecure Direct Object Reference Prevention Cheat Sheet',
  ],
  owasp: 'API1:2023',
  cwe: [639],
  fix: 'Use `type: string, format: uuid` (or another unguessable id), and check object ownership on every request.',
  precision: 'medium',
  messages: {
    numericId: 'Path parameter "{{name}}" is a plain integer id; prefer an unguessable id.',
  },
  visit: {
    Parameter(parameter, context) {
      if (parameter.in !== 'path' || typeof parameter.name !== 'string') return;
      if (nameWords(parameter.name).at(-1) !== 'id') return;
      const { type, at } = typeAt(parameter);
      if (isNumeric(type)) context.report('numericId', { at, data: { name: parameter.name } });
    },
  },
});
