import type { PathSegment, RuleContext } from '../define-rule';
import { reportTogether } from './gaps';
import {
  asText,
  isObject,
  isSwagger2,
  JsonObject,
  OPERATION_PARAMETERS,
  operationLabel,
  parameterSchemaAt,
  underOperations,
} from './openapi';
import { PathLink, toPath } from './path-links';

/**
 * Where request inputs start: OpenAPI 3 request-body media types, and the parameters operations use (in
 * Swagger 2.0, `in: body` ones carry the body); see {@link requestBodySchemaAt} and {@link requestInputSchemaAt}.
 */
export const REQUEST_INPUT_ROOTS = [...underOperations('.requestBody.content[*]'), ...OPERATION_PARAMETERS];

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
  /** The schema's path, built on first use: most schemas are judged fine and never need it. */
  readonly at: PathSegment[];
  composed: boolean;
}

/** The schemas a walk has met, per role; shared by the walks of one rule over one document. */
export interface WalkMemo {
  composed: WeakSet<object>;
  standalone: WeakSet<object>;
}

const documentMemos = new WeakMap<object, Map<string, WalkMemo>>();

/**
 * The memo of rule `ruleId` for the resolved document `root`. Spectral resolves a shared `$ref` target to one
 * object, whose findings map to its definition whichever operation reaches it first: judging it once per
 * document gives the same findings, and keeps large documents linear instead of operations x schemas.
 */
export function documentMemo(root: unknown, ruleId: string): WalkMemo {
  if (typeof root !== 'object' || root === null) return { composed: new WeakSet(), standalone: new WeakSet() };
  let byRule = documentMemos.get(root);
  if (!byRule) documentMemos.set(root, (byRule = new Map<string, WalkMemo>()));
  let memo = byRule.get(ruleId);
  if (!memo) byRule.set(ruleId, (memo = { composed: new WeakSet(), standalone: new WeakSet() }));
  return memo;
}

/** Keywords whose values are subschemas that describe accepted input (`not`, `if` describe other things). */
const SINGLE = ['additionalProperties', 'items'] as const;
const MAPS = ['properties', 'patternProperties'] as const;
const LISTS = ['oneOf', 'anyOf', 'prefixItems', 'items'] as const;

/**
 * Calls `visit` for `schema` and every subschema it accepts input through, depth first, unless `visit` returns
 * false for a schema, which prunes its subschemas. Each (schema, role) is visited once per memo, so recursive
 * schemas terminate. The walk keeps its own stack: real documents nest
 * deeper than the call stack allows.
 */
export function walkSchemas(
  schema: JsonObject,
  at: PathSegment[],
  visit: (node: VisitedSchema) => boolean | void,
  memo: WalkMemo = { composed: new WeakSet(), standalone: new WeakSet() },
): void {
  const pending: { node: unknown; link: PathLink | undefined; composed: boolean }[] = [{ node: schema, link: undefined, composed: false }];
  while (pending.length > 0) {
    const { node, link, composed } = pending.pop()!;
    if (!isObject(node)) continue;
    const seen = composed ? memo.composed : memo.standalone;
    if (seen.has(node)) continue;
    seen.add(node);
    let path: PathSegment[] | undefined;
    const prune = visit({
      schema: node,
      composed,
      get at() {
        return (path ??= toPath(link, at));
      },
    });
    // A visitor that returns false keeps the walk out of the schema's subschemas.
    if (prune === false) continue;
    // Pushed in reverse so that children are visited in document order.
    const children: { node: unknown; link: PathLink; composed: boolean }[] = [];
    const child = (value: unknown, segments: PathSegment[], isComposed = false) => {
      const childLink = segments.reduce<PathLink | undefined>((parent, segment) => ({ parent, segment }), link) as PathLink;
      children.push({ node: value, link: childLink, composed: isComposed });
    };
    for (const key of SINGLE) child(node[key], [key]);
    for (const key of MAPS) {
      const map = node[key];
      if (isObject(map)) for (const [name, value] of Object.entries(map)) child(value, [key, name]);
    }
    for (const key of LISTS) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((value, index) => child(value, [key, index]));
    }
    if (Array.isArray(node.allOf)) node.allOf.forEach((member, index) => child(member, ['allOf', index], true));
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
}

/**
 * The schema of a request input below a node matched by {@link REQUEST_INPUT_ROOTS}: a request body's, an
 * OpenAPI 3 parameter's `schema`, or a Swagger 2.0 non-body parameter, which is its own schema.
 */
export function requestInputSchemaAt(node: unknown, root: unknown): { schema: JsonObject; at: PathSegment[] } | undefined {
  const body = requestBodySchemaAt(node, root);
  if (body || !isObject(node) || typeof node.in !== 'string') return body;
  if (isSwagger2(root)) return node.in === 'body' ? undefined : { schema: node, at: [] };
  return parameterSchemaAt(node);
}

/**
 * A schema's keywords merged with those of its (nested) `allOf` members: what the composition constrains, a later
 * member's keywords over an earlier one's and the schema's own over all; a member met twice counts once. Without
 * `allOf` that is the schema itself, returned as is: this runs for every input schema. Iterative: a chain of
 * thousands of `allOf` references nests deeper than the call stack allows.
 */
export function mergedKeywords(schema: JsonObject): JsonObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const seen = new WeakSet<object>();
  const merged: JsonObject = {};
  const pending: { schema: JsonObject; membersDone: boolean }[] = [{ schema, membersDone: false }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.membersDone) {
      Object.assign(merged, next.schema);
      continue;
    }
    if (seen.has(next.schema)) continue;
    seen.add(next.schema);
    pending.push({ schema: next.schema, membersDone: true });
    const members = Array.isArray(next.schema.allOf) ? next.schema.allOf.filter(isObject) : [];
    for (let index = members.length - 1; index >= 0; index -= 1) pending.push({ schema: members[index], membersDone: false });
  }
  return merged;
}

/** Whether a schema (or, in OpenAPI 3.1, its type list) has the given type. */
export function hasType(schema: JsonObject, type: string): boolean {
  return Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type;
}

/** The property names a schema declares itself or through its (nested) `allOf` members; iterative, as chains run deep. */
export function declaredProperties(schema: JsonObject): Set<string> {
  const names = new Set<string>();
  const seen = new WeakSet<object>();
  const pending = [schema];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    if (isObject(next.properties)) for (const name of Object.keys(next.properties)) names.add(name);
    if (Array.isArray(next.allOf)) pending.push(...next.allOf.filter(isObject));
  }
  return names;
}

/**
 * Whether a schema is a bare object, `{type: object}` with nothing about its members (no `properties`,
 * `patternProperties`, `additionalProperties` or composition): JSON Schema lets it hold any properties, an open map.
 * Not bare: a `format` (`file`, `binary`: an upload mistyped as an object), and OpenAPI 3.0's `{type: object,
 * nullable: true}`, the branch that makes a `$ref` beside it nullable.
 */
export function isBareObject(schema: JsonObject): boolean {
  const describesMembers = [
    'properties',
    'patternProperties',
    'additionalProperties',
    'unevaluatedProperties',
    'allOf',
    'oneOf',
    'anyOf',
    'format',
  ];
  return hasType(schema, 'object') && schema.nullable !== true && !describesMembers.some((keyword) => keyword in schema);
}

/**
 * Calls `judge` for every schema that accepts request input below `node`, with its `allOf` keywords merged.
 * `allOf` members are judged as part of their composition, and `readOnly` schemas are skipped with everything
 * below them: servers ignore them in requests. Each schema is judged once per document and rule; `at` builds its path on demand.
 */
export function forEachInputSchema(
  node: unknown,
  root: unknown,
  ruleId: string,
  judge: (schema: JsonObject, at: () => PathSegment[]) => void,
): void {
  const input = requestInputSchemaAt(node, root);
  if (!input) return;
  walkSchemas(
    input.schema,
    input.at,
    (visited) => {
      const merged = mergedKeywords(visited.schema);
      // What is read-only is ignored in requests, all of it.
      if (merged.readOnly === true) return false;
      if (!visited.composed) judge(merged, () => visited.at);
    },
    documentMemo(root, ruleId),
  );
}

/** A field's name within its input, from its path below the input's schema: `address.lines[]`, `metadata.*`. */
export function fieldLabel(path: readonly PathSegment[]): string {
  let label = '';
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    if (segment === 'properties') label += `${label === '' ? '' : '.'}${String(path[(index += 1)])}`;
    else if (segment === 'items') label += '[]';
    else if (segment === 'additionalProperties' || segment === 'patternProperties') {
      label += label === '' ? '*' : '.*';
      if (segment === 'patternProperties') index += 1;
    } else if (segment === 'prefixItems') label += `[${String(path[(index += 1)])}]`;
    else if (segment === 'oneOf' || segment === 'anyOf' || segment === 'allOf') index += 1;
  }
  return label === '' ? '(root)' : label;
}

/** "The request body of POST /pets", "Parameter \"filter\" of GET /pets": the input at `path`, in words. */
export function inputLabel(input: JsonObject, path: readonly PathSegment[]): string {
  const body = path.lastIndexOf('requestBody');
  const parameters = path.lastIndexOf('parameters');
  const owner = path.slice(0, body >= 0 ? body : parameters);
  const where = owner.length >= 3 ? operationLabel(owner) : String(owner[owner.length - 1]);
  return body >= 0 ? `The request body of ${where}` : `Parameter "${asText(input.name)}" of ${where}`;
}

/**
 * Judges every schema of a request input (see {@link forEachInputSchema}) and reports what `judge` finds: one
 * finding per field when one field is at fault, else one finding for the input (`manyMessageId`, at its schema, with
 * `{{input}}`, `{{count}}` and `{{places}}`) listing the fields as related places.
 */
export function reportInputFields<MessageId extends string>(
  context: RuleContext<unknown, MessageId>,
  input: JsonObject,
  ruleId: string,
  judge: (schema: JsonObject) => MessageId | undefined,
  manyMessageId: MessageId,
): void {
  const schemaAt = requestInputSchemaAt(input, context.root)?.at;
  if (schemaAt === undefined) return;
  const fields: { path: PathSegment[]; label: string; messageId: MessageId }[] = [];
  forEachInputSchema(input, context.root, ruleId, (schema, at) => {
    const messageId = judge(schema);
    if (messageId === undefined) return;
    const path = at();
    fields.push({ path, label: fieldLabel(path.slice(schemaAt.length)), messageId });
  });
  const data = { input: inputLabel(input, context.path) };
  for (const field of reportTogether(context, fields, { at: schemaAt, messageId: manyMessageId, data })) {
    context.report(field.messageId, { at: field.path });
  }
}
