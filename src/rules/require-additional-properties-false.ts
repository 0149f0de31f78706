import { defineRule, PathSegment } from './define-rule';
import { isObject, JsonObject } from './support/openapi';
import { reportTogether } from './support/gaps';
import {
  declaredProperties,
  documentMemo,
  fieldLabel,
  inputLabel,
  isBareObject,
  requestBodySchemaAt,
  walkSchemas,
} from './support/request-schemas';

function isClosed(schema: JsonObject): boolean {
  return schema.additionalProperties === false || schema.unevaluatedProperties === false;
}

function hasOwnProperties(schema: JsonObject): boolean {
  return isObject(schema.properties) && Object.keys(schema.properties).length > 0;
}

/**
 * The `oneOf`/`anyOf` branches of a schema that only add constraints to it: their properties (if any) are all declared
 * by the schema itself, so they describe no object of their own to close.
 */
function constraintBranches(schema: JsonObject): JsonObject[] {
  const declared = new Set(isObject(schema.properties) ? Object.keys(schema.properties) : []);
  const branches = [schema.oneOf, schema.anyOf].flatMap((list) => (Array.isArray(list) ? list.filter(isObject) : []));
  return branches.filter((branch) => !isObject(branch.properties) || Object.keys(branch.properties).every((name) => declared.has(name)));
}

const ID = 'require-additional-properties-false';

export default defineRule({
  id: ID,
  severity: 'warn',
  description: 'Object schemas of request bodies must reject undeclared properties (`additionalProperties: false`).',
  rationale:
    'Accepting undeclared properties enables mass assignment: a client sets `isAdmin` or `ownerId` that the server ' +
    'binds to its model without checking. Every object schema with `properties` reachable from a request body ' +
    '(through `$ref`, `properties`, `items`, `allOf`, `oneOf`, `anyOf`) must close itself, and a bare ' +
    '`{type: object}` (no properties at all) accepts anything, so it is reported too; in OpenAPI 3.1 ' +
    '`unevaluatedProperties: false` counts too. An `allOf` composition is judged as a whole: its members need not ' +
    "close themselves (that would make the composition reject the other members' properties); an open composition " +
    'is reported once, at the composing schema. A `oneOf`/`anyOf` branch that only constrains its schema (no ' +
    'properties but those the schema declares, such as a branch of `required` names) is not an object to close. A ' +
    'shared component is reported once, at its definition. Response schemas are never flagged. ' +
    'Two or more at fault in one request input (a body or a parameter) are one finding for the input, with them listed as related locations.',
  sources: [
    'OWASP API Security Top 10 2023 API3 (Broken Object Property Level Authorization): mass assignment',
    'OWASP Mass Assignment Cheat Sheet',
  ],
  owasp: 'API3:2023',
  cwe: [915],
  fix: 'Add `additionalProperties: false` to the object schema (for an `allOf` composition in OpenAPI 3.1, `unevaluatedProperties: false` on the composing schema).',
  messages: {
    open: 'Request schema accepts undeclared properties; set additionalProperties: false.',
    openComposition: 'Request schema composed with allOf accepts undeclared properties; close the composing schema.',
    openMap:
      'Request schema is an object that declares no properties, so it accepts any; declare them and set additionalProperties: false.',
    many: '{{input}} has {{count}} object schemas that accept undeclared properties: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      const body = requestBodySchemaAt(input, context.root);
      if (!body) return;
      const open: { path: PathSegment[]; label: string; messageId: 'open' | 'openComposition' | 'openMap' }[] = [];
      const constraints = new WeakSet<object>();
      walkSchemas(
        body.schema,
        body.at,
        (visited) => {
          const { schema, composed } = visited;
          // Branches are visited after the schema that holds them.
          for (const branch of constraintBranches(schema)) constraints.add(branch);
          if (composed || isClosed(schema) || constraints.has(schema)) return;
          const messageId = Array.isArray(schema.allOf)
            ? declaredProperties(schema).size > 0
              ? 'openComposition'
              : undefined
            : hasOwnProperties(schema)
              ? 'open'
              : isBareObject(schema)
                ? 'openMap'
                : undefined;
          if (messageId) open.push({ path: visited.at, label: fieldLabel(visited.at.slice(body.at.length)), messageId });
        },
        documentMemo(context.root, ID),
      );
      const data = { input: inputLabel(input, context.path) };
      for (const schema of reportTogether(context, open, { at: body.at, messageId: 'many', data }))
        context.report(schema.messageId, { at: schema.path });
    },
  },
});
