import type { PathSegment } from '../define-rule';
import { HTTP_METHODS, isObject, isSwagger2, JsonObject } from './openapi';

const operations = `[${HTTP_METHODS.join(',')}]`;

/**
 * Where request-body schemas start: OpenAPI 3 request bodies, and Swagger 2.0 parameters (path-item and
 * operation level), of which only `in: body` ones carry a schema; see {@link requestBodySchemaAt}.
 */
export const REQUEST_INPUT_ROOTS = [
  `$.paths[*]${operations}.requestBody.content[*]`,
  '$.paths[*].parameters[*]',
  `$.paths[*]${operations}.parameters[*]`,
];

/** The request-body schema below a node matched by {@link REQUEST_INPUT_ROOTS}, with its relative path. */
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

/**
 * The schema of a request input below a node matched by {@link REQUEST_INPUT_ROOTS}: a request body's, an
 * OpenAPI 3 parameter's `schema`, or a Swagger 2.0 non-body parameter, which is its own schema.
 */
export function requestInputSchemaAt(node: unknown, root: unknown): { schema: JsonObject; at: PathSegment[] } | undefined {
  const body = requestBodySchemaAt(node, root);
  if (body || !isObject(node) || typeof node.in !== 'string') return body;
  if (isSwagger2(root)) return node.in === 'body' ? undefined : { schema: node, at: [] };
  return isObject(node.schema) ? { schema: node.schema, at: ['schema'] } : undefined;
}

/** A schema's keywords merged with those of its (nested) `allOf` members: what the composition constrains. */
export function mergedKeywords(schema: JsonObject, seen = new WeakSet<object>()): JsonObject {
  if (seen.has(schema)) return {};
  seen.add(schema);
  const members = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return Object.assign({}, ...members.map((member) => mergedKeywords(member, seen)), schema);
}

/** Whether a schema (or, in OpenAPI 3.1, its type list) has the given type. */
export function hasType(schema: JsonObject, type: string): boolean {
  return Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type;
}

/**
 * Calls `judge` for every schema that accepts request input below `node`, with its `allOf` keywords merged.
 * `allOf` members are judged as part of their composition, and `readOnly` schemas are skipped: servers
 * ignore them in requests.
 */
export function forEachInputSchema(node: unknown, root: unknown, judge: (schema: JsonObject, at: PathSegment[]) => void): void {
  const input = requestInputSchemaAt(node, root);
  if (!input) return;
  walkSchemas(input.schema, input.at, ({ schema, at, composed }) => {
    const merged = mergedKeywords(schema);
    if (!composed && merged.readOnly !== true) judge(merged, at);
  });
}
