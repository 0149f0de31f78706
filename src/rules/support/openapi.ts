import type { PathSegment } from '../define-rule';

/** A JSON object as it comes out of the parser. */
export type JsonObject = Record<string, unknown>;

/**
 * Null-safe object test: documents may hold anything anywhere. Rules see the resolved document, where a
 * node that is still `{$ref: ...}` could not be resolved (and is reported as such): it has no content to judge.
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as JsonObject).$ref !== 'string';
}

/** The fixed fields of a Path Item that hold an Operation Object (`query` since OpenAPI 3.2). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

/** Every Operation Object under `paths`, in any OpenAPI version: the method fields, and 3.2's `additionalOperations`. */
export const OPERATIONS = [`$.paths[*][${HTTP_METHODS.join(',')}]`, '$.paths[*].additionalOperations[*]'];

/** `suffix` (`.parameters[*]`) below every operation. */
export function underOperations(suffix: string): string[] {
  return OPERATIONS.map((operations) => `${operations}${suffix}`);
}

/** The Parameter Objects that operations use: path-item and operation level. */
export const OPERATION_PARAMETERS = ['$.paths[*].parameters[*]', ...underOperations('.parameters[*]')];

/** Every Parameter Object: those of operations, OpenAPI 3 components and Swagger 2.0 root `parameters`. */
export const PARAMETERS = [...OPERATION_PARAMETERS, '$.components.parameters[*]', '$.parameters[*]'];

/** The lower-cased HTTP authentication scheme of a `type: http` security scheme (names are case-insensitive). */
export function httpAuthScheme(scheme: unknown): string | undefined {
  return isObject(scheme) && scheme.type === 'http' && typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : undefined;
}

/** Every security scheme: OpenAPI 3 components and Swagger 2.0 definitions. */
export const SECURITY_SCHEMES = ['$.components.securitySchemes[*]', '$.securityDefinitions[*]'];

/** "GET /pets" for an operation at ['paths', '/pets', 'get'] (or ['paths', '/pets', 'additionalOperations', 'COPY']). */
export function operationLabel(path: readonly PathSegment[]): string {
  const additional = path[path.length - 2] === 'additionalOperations';
  return `${String(path[path.length - 1]).toUpperCase()} ${String(path[path.length - (additional ? 3 : 2)])}`;
}

/** The name of a map entry at `path` (a scheme name, a header name...). */
export function keyOf(path: readonly PathSegment[]): string {
  return String(path[path.length - 1]);
}

/**
 * How an operation is protected, from its effective security (its own `security`, else the root's):
 * `required` names schemes and has no empty `{}` alternative; `optional` has one; `public` is an
 * operation-level `security: []`, an explicit opt-out; `none` means no requirement at all (no `security`
 * anywhere, or an empty root list).
 */
export type SecurityStatus = 'required' | 'optional' | 'public' | 'none';

/** The {@link SecurityStatus} of an operation. */
export function securityStatus(operation: JsonObject, root: unknown): SecurityStatus {
  const ownSecurity = 'security' in operation;
  const security = ownSecurity ? operation.security : isObject(root) ? root.security : undefined;
  if (!Array.isArray(security)) return 'none';
  if (security.length === 0) return ownSecurity ? 'public' : 'none';
  return security.some((requirement) => !isObject(requirement) || Object.keys(requirement).length === 0) ? 'optional' : 'required';
}

/** Whether an operation can only be called authenticated. */
export function requiresAuthentication(operation: JsonObject, root: unknown): boolean {
  return securityStatus(operation, root) === 'required';
}

/** A response's headers keyed by lower-cased name (header names are case-insensitive). */
export function headersByName(response: JsonObject): Map<string, unknown> {
  const headers = isObject(response.headers) ? response.headers : {};
  return new Map(Object.entries(headers).map(([name, header]) => [name.toLowerCase(), header]));
}

/** The responses of an operation, or an empty object when there are none. */
export function responsesOf(operation: JsonObject): JsonObject {
  return isObject(operation.responses) ? operation.responses : {};
}

/** Where to report a response an operation lacks: its `responses` map, or the operation when it has none. */
export function responsesAt(operation: JsonObject): PathSegment[] {
  return isObject(operation.responses) ? ['responses'] : [];
}

/** Every operation's `responses` map, in any OpenAPI version. */
export const OPERATION_RESPONSES = underOperations('.responses');

/** Where to report a header a response lacks: its `headers` map, or the response itself. */
export function headersAt(response: JsonObject): PathSegment[] {
  return isObject(response.headers) ? ['headers'] : [];
}

/** Whether the document is Swagger 2.0 rather than OpenAPI 3. */
export function isSwagger2(root: unknown): boolean {
  return isObject(root) && 'swagger' in root;
}

/** Every security requirement object: the root's and each operation's. */
export const SECURITY_REQUIREMENTS = ['$.security[*]', ...underOperations('.security[*]')];

/** The declared security schemes by name: OpenAPI 3 `components.securitySchemes` or Swagger 2.0 `securityDefinitions`. */
export function securitySchemesOf(root: unknown): JsonObject {
  if (!isObject(root)) return {};
  if (isObject(root.components) && isObject(root.components.securitySchemes)) return root.components.securitySchemes;
  return isObject(root.securityDefinitions) ? root.securityDefinitions : {};
}

/**
 * Whether an API key security scheme declares the parameter `name` in `location` (names compared case-insensitively,
 * as header names are): a parameter it declares repeats the scheme, and is reported there if anywhere.
 */
export function declaredByApiKeyScheme(root: unknown, location: 'query' | 'header', name: string): boolean {
  return Object.values(securitySchemesOf(root)).some(
    (scheme) =>
      isObject(scheme) && scheme.type === 'apiKey' && scheme.in === location && asText(scheme.name).toLowerCase() === name.toLowerCase(),
  );
}

/** The scopes an OAuth2 scheme defines, across all its flows (OpenAPI 3) or in `scopes` (Swagger 2.0). */
export function oauth2Scopes(scheme: JsonObject): Set<string> {
  const scopeMaps = isObject(scheme.flows)
    ? Object.values(scheme.flows).map((flow) => (isObject(flow) ? flow.scopes : undefined))
    : [scheme.scopes];
  return new Set(scopeMaps.flatMap((scopes) => (isObject(scopes) ? Object.keys(scopes) : [])));
}

/**
 * An OpenAPI 3 parameter's schema, with its path: its `schema`, or the schema of the one media type in its
 * `content` (the only form of OpenAPI 3.2's `in: querystring`, which describes the whole query string).
 */
export function parameterSchemaAt(parameter: JsonObject): { schema: JsonObject; at: PathSegment[] } | undefined {
  if (isObject(parameter.schema)) return { schema: parameter.schema, at: ['schema'] };
  if (!isObject(parameter.content)) return undefined;
  const [mediaType, media] = Object.entries(parameter.content)[0] ?? [];
  return mediaType !== undefined && isObject(media) && isObject(media.schema)
    ? { schema: media.schema, at: ['content', mediaType, 'schema'] }
    : undefined;
}

/**
 * A document value as text for a message or a comparison. `String()` throws on an object whose `toString` member is
 * data (`{toString: []}`), which a document can hold anywhere.
 */
export function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** A parameter's value schema: OpenAPI 3 `schema` (or its one media type's), or the Swagger 2.0 parameter itself. */
export function valueSchemaOf(parameter: JsonObject): JsonObject | undefined {
  return parameterSchemaAt(parameter)?.schema ?? ('type' in parameter ? parameter : undefined);
}

/**
 * Whether values of a schema can be free text: not only booleans or numbers, and not an `enum` or a `const`. A value
 * without a schema can be anything.
 */
export function isFreeText(schema: JsonObject | undefined): boolean {
  if (schema === undefined) return true;
  if ('enum' in schema || 'const' in schema) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return !types.every((type) => type === 'boolean' || type === 'integer' || type === 'number');
}

/** Keywords that constrain a value: a schema with none of them accepts anything. */
const CONSTRAINING = [
  'type',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'enum',
  'const',
  'not',
  'additionalProperties',
  'patternProperties',
  'format',
  'pattern',
];

/**
 * Media types whose bodies are bytes by nature (raw bytes, images, sound, video, fonts, documents and archives),
 * where a schema adds nothing a reviewer needs.
 */
export const BINARY_MEDIA =
  /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-zip-compressed|x-7z-compressed|msword|vnd\.ms-|vnd\.openxmlformats-|vnd\.oasis\.opendocument\.)/i;

/** Whether a schema accepts any value: `{}`, or only annotations (`description`, `example`). */
export function acceptsAnything(schema: JsonObject): boolean {
  return !CONSTRAINING.some((keyword) => keyword in schema);
}
