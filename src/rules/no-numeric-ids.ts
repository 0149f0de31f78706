import { defineRule, PathSegment } from './define-rule';
import { nameWords } from './support/names';
import { operationsOf } from './support/gaps';
import { asText, isObject, JsonObject, operationLabel, requiresAuthentication } from './support/openapi';

/** Where a parameter's type is declared: OpenAPI 3 `schema.type`, Swagger 2.0 `type`. */
function typeAt(parameter: Record<string, unknown>): { type: unknown; at: PathSegment[] } {
  return isObject(parameter.schema) ? { type: parameter.schema.type, at: ['schema', 'type'] } : { type: parameter.type, at: ['type'] };
}

/** `integer` or `number` when the type is one, alone or (OpenAPI 3.1) in a type list. */
function numericType(type: unknown): 'integer' | 'number' | undefined {
  const types: unknown[] = Array.isArray(type) ? type : [type];
  return types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : undefined;
}

/** An operation's parameters with their paths: its own, and its path item's that it does not override (by name and `in`). */
function effectiveParameters(
  operation: JsonObject,
  path: PathSegment[],
  pathItem: JsonObject,
): { parameter: JsonObject; at: PathSegment[] }[] {
  const own = (Array.isArray(operation.parameters) ? operation.parameters : []).flatMap((parameter: unknown, index) =>
    isObject(parameter) ? [{ parameter, at: [...path, 'parameters', index] }] : [],
  );
  const key = ({ parameter }: { parameter: JsonObject }) => `${asText(parameter.in)}\u0000${asText(parameter.name)}`;
  const overridden = new Set(own.map(key));
  const shared = (Array.isArray(pathItem.parameters) ? pathItem.parameters : []).flatMap((parameter: unknown, index) =>
    isObject(parameter) ? [{ parameter, at: [...path.slice(0, 2), 'parameters', index] }] : [],
  );
  return [...own, ...shared.filter((candidate) => !overridden.has(key(candidate)))];
}

export default defineRule({
  id: 'no-numeric-ids',
  severity: 'info',
  description: 'Path parameters that identify objects should not be plain integers.',
  rationale:
    'Sequential integer ids are guessable: change `/orders/41` to `/orders/42` and, if object-level authorisation ' +
    "is missing anywhere, another customer's order appears. Unguessable ids (UUIDs, random strings) do not replace " +
    'authorisation checks but make their absence much harder to exploit. Path parameters named `id` or ending in ' +
    'the word `id` (`orderId`, `order_id`, `order-id`) with an integer or number type are listed for review, on ' +
    'operations that require authentication: on a public, read-only API an id is no authorisation risk.',
  sources: [
    'OWASP API Security Top 10 2023 API1 (Broken Object Level Authorization)',
    'OWASP Insecure Direct Object Reference Prevention Cheat Sheet',
  ],
  owasp: 'API1:2023',
  cwe: [639],
  fix: 'Use `type: string, format: uuid` (or another unguessable id), and check object ownership on every request.',
  precision: 'medium',
  messages: {
    numericId: 'Path parameter "{{name}}" is a guessable {{type}} id; prefer an unguessable id.',
  },
  visit: {
    Document(root, context) {
      for (const { operation, path, pathItem } of operationsOf(root)) {
        if (!requiresAuthentication(operation, root)) continue;
        for (const { parameter, at } of effectiveParameters(operation, path, pathItem)) {
          if (parameter.in !== 'path' || typeof parameter.name !== 'string' || nameWords(parameter.name).at(-1) !== 'id') continue;
          const { type, at: typeAtPath } = typeAt(parameter);
          const numeric = numericType(type);
          if (numeric)
            context.report('numericId', {
              at: [...at, ...typeAtPath],
              data: { name: parameter.name, operation: operationLabel(path), type: numeric },
            });
        }
      }
    },
  },
});
