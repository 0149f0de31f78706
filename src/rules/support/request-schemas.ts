import type { PathSegment } from '../define-rule';
import { HTTP_METHODS, isObject, isSwagger2, JsonObject } from './openapi';

const operations = `[${HTTP_METHODS.join(',')}]`;

/**
 * Where request-body schemas start: OpenAPI 3 request bodies, and Swagger 2.0 parameters (path-item and
 * operation level), of which only `in: body` ones carry a schema; see {@link requestBodySchemaAt}.
 */
export const REQUEST_BODY_ROOTS = [
  `$.paths[*]${operations}.requestBody.content[*]`,
  '$.paths[*].parameters[*]',
  `$.paths[*]${operations}.parameters[*]`,
];

/** The request-body schema below a node matched by {@link REQUEST_BODY_ROOTS}, with its relative path. */
export function requestBodySchemaAt(node: unknown, root: unknown): { schema: JsonObject; at: PathSegment[] } | undefined {
  if (!isObject(node) || !isObject(node.schema)) return undefined;
  if (isSwagger2(root) && node.in !== 'body') return undefined;
  // In OpenAPI 3 a parameter is never a body: parameters[*] matches there too, but has no `in: body`.
  if (!isSwagger2(root) && 'in' in node) return undefined;
  return { schema: node.schema, at: ['schema'] };
}

/** A schema met by {@link walkSchemas}: `composed` when it is an `allOf` member, judged with the whole. */
export interface VisitedSchema {
  schema: JsonObject;
  at: PathSegment[];
  composed: boolean;
}

/** Keywords whose values are subschemas that describe accepted input (`not`, `if` describe other things). */
const SINGLE = ['additionalProperties', 'items'] as const;
const MAPS = ['properties', 'patternProperties'] as const;
const LISTS = ['oneOf', 'anyOf', 'prefixItems', 'items'] as const;

/**
 * Calls `visit` for `schema` and every subschema it accepts input through, depth first. Each (schema, role)
 * is visited once, so recursive schemas terminate and a component reached twice is judged once.
 */
export function walkSchemas(schema: JsonObject, at: PathSegment[], visit: (node: VisitedSchema) => void): void {
  const seen = { composed: new WeakSet<object>(), standalone: new WeakSet<object>() };
  const walk = (node: unknown, path: PathSegment[], composed: boolean): void => {
    if (!isObject(node)) return;
    const seenInRole = composed ? seen.composed : seen.standalone;
    if (seenInRole.has(node)) return;
    seenInRole.add(node);
    visit({ schema: node, at: path, composed });
    for (const key of SINGLE) walk(node[key], [...path, key], false);
    for (const key of MAPS) {
      const map = node[key];
      if (isObject(map)) for (const [name, child] of Object.entries(map)) walk(child, [...path, key, name], false);
    }
    for (const key of LISTS) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((child, index) => walk(child, [...path, key, index], false));
    }
    if (Array.isArray(node.allOf)) node.allOf.forEach((member, index) => walk(member, [...path, 'allOf', index], true));
  };
  walk(schema, at, false);
}
