/**
 * What `oasguard diff` compares of a document, taken from the resolved document with the predicates the rules use:
 * each operation's effective security, its refusal and rate-limit responses and the limits on its inputs; the
 * security schemes; the servers. Places are paths in the resolved document; the engine turns them into lines.
 */
import { alternativesOf } from '../authz/matrix';
import type { PathSegment } from '../rules/define-rule';
import { operationsOf, OperationAt } from '../rules/support/gaps';
import { authUrls } from '../rules/support/oauth2';
import {
  asText,
  httpAuthScheme,
  isObject,
  isSwagger2,
  JsonObject,
  responsesOf,
  securitySchemesOf,
  securityStatus,
} from '../rules/support/openapi';
import { closestSet, SUCCESS_STATUS } from '../rules/support/rate-limits';
import { fieldLabel, mergedKeywords, requestInputSchemaAt, walkSchemas } from '../rules/support/request-schemas';
import { effectiveSecurity } from '../rules/support/security';
import { insecureScheme, insecureValues } from '../rules/support/servers';
import type { ApiSnapshot, SnapshotOperation, SnapshotScheme, SnapshotServer } from '../shared/types';

type Located = PathSegment[];

/** The responses whose removal a reviewer is told about: the refusals and the rate-limit answer. */
const WATCHED_RESPONSES = ['401', '403', '429'];

/** Swagger 2.0's OAuth2 flow names, as OpenAPI 3 spells them. */
const SWAGGER_FLOWS: Record<string, string> = { accessCode: 'authorizationCode', application: 'clientCredentials' };

/** The snapshot of a resolved OpenAPI document. */
export function snapshotOf(root: JsonObject): ApiSnapshot<Located> {
  const operations = operationsOf(root);
  return {
    operations: operations.map((operation) => operationSnapshot(operation, root)),
    schemes: Object.entries(securitySchemesOf(root)).flatMap(([name, scheme]) =>
      isObject(scheme) ? [schemeSnapshot(name, scheme, isSwagger2(root))] : [],
    ),
    servers: serversOf(root, operations),
  };
}

function operationSnapshot(at: OperationAt, root: JsonObject): SnapshotOperation<Located> {
  const { operation, path } = at;
  const alternatives = alternativesOf(effectiveSecurity(operation, path, root), securitySchemesOf(root));
  const responses = responsesOf(operation);
  const statuses = new Set(Object.keys(responses).map((status) => status.toUpperCase()));
  const successes = Object.entries(responses).filter(([status, response]) => SUCCESS_STATUS.test(status) && isObject(response));
  return {
    method: String(path[path.length - 1]).toUpperCase(),
    path: String(path[1]),
    access: securityStatus(operation, root),
    alternatives,
    responses: WATCHED_RESPONSES.filter((status) => statuses.has(status) || statuses.has('4XX')),
    rateLimitHeaders: successes.length > 0 && successes.every(([, response]) => closestSet(response as JsonObject).missing.length === 0),
    inputs: inputLimits(at, root),
    place: path,
  };
}

/** The limits a schema sets on what it accepts, as `oasguard diff` names them. */
function limitsOf(schema: JsonObject): string[] {
  const limits: string[] = [];
  if (typeof schema.maxLength === 'number') limits.push('maxLength');
  if (typeof schema.maxItems === 'number') limits.push('maxItems');
  if (typeof schema.maximum === 'number' || typeof schema.exclusiveMaximum === 'number') limits.push('maximum');
  if (schema.additionalProperties === false || schema.unevaluatedProperties === false) limits.push('additionalProperties: false');
  if (Array.isArray(schema.enum) || 'const' in schema) limits.push('enum');
  return limits;
}

/**
 * Each input field of an operation with its limits, keyed by input and field: `query parameter "limit"`,
 * `body application/json name`. Parameters of the Path Item count, unless the operation overrides them.
 */
function inputLimits({ operation, path, pathItem }: OperationAt, root: JsonObject): SnapshotOperation<Located>['inputs'] {
  const inputs: SnapshotOperation<Located>['inputs'] = {};
  const parameters = new Map<string, { parameter: JsonObject; at: PathSegment[] }>();
  const collect = (list: unknown, at: PathSegment[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, index) => {
      if (isObject(parameter))
        parameters.set(`${asText(parameter.in)} ${asText(parameter.name)}`, { parameter, at: [...at, 'parameters', index] });
    });
  };
  collect(pathItem.parameters, path.slice(0, 2));
  collect(operation.parameters, path);
  const sources: { node: JsonObject; at: PathSegment[]; label: string }[] = [...parameters.values()].map(({ parameter, at }) => ({
    node: parameter,
    at,
    label: parameter.in === 'body' ? 'body' : `${asText(parameter.in)} parameter "${asText(parameter.name)}"`,
  }));
  const content = isObject(operation.requestBody) && isObject(operation.requestBody.content) ? operation.requestBody.content : {};
  for (const [media, value] of Object.entries(content))
    if (isObject(value)) sources.push({ node: value, at: [...path, 'requestBody', 'content', media], label: `body ${media}` });
  for (const { node, at, label } of sources) {
    const input = requestInputSchemaAt(node, root);
    if (!input) continue;
    walkSchemas(input.schema, [...at, ...input.at], (visited) => {
      if (visited.composed) return;
      const relative = visited.at.slice(at.length + input.at.length);
      const field = relative.length === 0 ? label : `${label} ${fieldLabel(relative)}`;
      inputs[field] = { limits: limitsOf(mergedKeywords(visited.schema)), place: visited.at };
    });
  }
  return inputs;
}

function schemeSnapshot(name: string, scheme: JsonObject, swagger2: boolean): SnapshotScheme<Located> {
  const type = asText(scheme.type);
  const flows =
    type !== 'oauth2'
      ? []
      : isObject(scheme.flows)
        ? Object.keys(scheme.flows)
        : typeof scheme.flow === 'string'
          ? [SWAGGER_FLOWS[scheme.flow] ?? scheme.flow]
          : [];
  const place = swagger2 ? ['securityDefinitions', name] : ['components', 'securitySchemes', name];
  return {
    name,
    type,
    // Swagger 2.0's `basic` type is HTTP Basic.
    ...(type === 'http' || type === 'basic' ? { httpScheme: type === 'basic' ? 'basic' : (httpAuthScheme(scheme) ?? '') } : {}),
    ...(type === 'apiKey' ? { apiKeyIn: asText(scheme.in) } : {}),
    flows,
    insecureUrls: authUrls(scheme)
      .map(({ url }) => url)
      .filter((url) => insecureScheme(url) !== undefined),
    place,
  };
}

/** Whether a server URL is plain http (or ws), or one of its variables' values makes it so. */
function isInsecureServer(server: JsonObject): boolean {
  const url = asText(server.url);
  return insecureScheme(url) !== undefined || insecureValues(url, isObject(server.variables) ? server.variables : {}).length > 0;
}

/**
 * The servers of a document: OpenAPI 3's at the root, on Path Items and on operations; Swagger 2.0's as one URL per
 * scheme of `schemes` with its `host` and `basePath`.
 */
function serversOf(root: JsonObject, operations: readonly OperationAt[]): SnapshotServer<Located>[] {
  if (isSwagger2(root)) {
    const schemes = Array.isArray(root.schemes) ? root.schemes.map(asText) : [];
    const host = typeof root.host === 'string' ? root.host : '';
    const basePath = typeof root.basePath === 'string' ? root.basePath : '';
    return schemes.map((scheme, index) => ({
      url: `${scheme}://${host}${basePath}`,
      insecure: insecureScheme(`${scheme}://`) !== undefined,
      place: ['schemes', index],
    }));
  }
  const servers: SnapshotServer<Located>[] = [];
  const collect = (list: unknown, at: PathSegment[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((server, index) => {
      if (isObject(server) && typeof server.url === 'string')
        servers.push({ url: server.url, insecure: isInsecureServer(server), place: [...at, 'servers', index] });
    });
  };
  collect(root.servers, []);
  if (isObject(root.paths))
    for (const [route, pathItem] of Object.entries(root.paths)) if (isObject(pathItem)) collect(pathItem.servers, ['paths', route]);
  for (const { operation, path } of operations) collect(operation.servers, path);
  return servers;
}

/** The same snapshot with each place given another way. */
export function withPlaces<A, B>(snapshot: ApiSnapshot<A>, place: (at: A) => B): ApiSnapshot<B> {
  return {
    operations: snapshot.operations.map((operation) => ({
      ...operation,
      inputs: Object.fromEntries(
        Object.entries(operation.inputs).map(([field, input]) => [field, { ...input, place: place(input.place) }]),
      ),
      place: place(operation.place),
    })),
    schemes: snapshot.schemes.map((scheme) => ({ ...scheme, place: place(scheme.place) })),
    servers: snapshot.servers.map((server) => ({ ...server, place: place(server.place) })),
  };
}
