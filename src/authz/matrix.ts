/**
 * The authorization matrix of a document: for each operation, who may call it (the accepted security alternatives,
 * with scopes) and what about that deserves a reviewer's look. Computed from the resolved document with the
 * predicates the function-level authorization rules use, so the table and the findings agree.
 */
import { changesData, isAdmin, readOnlyMatchers, readOnlyScopesOf, SecuredOperation, sharedWith } from '../rules/support/authorization';
import { operationsOf } from '../rules/support/gaps';
import { asText, isObject, JsonObject, operationLabel, responsesOf, securitySchemesOf, securityStatus } from '../rules/support/openapi';
import { effectiveSecurity, EffectiveSecurity, isEnforced } from '../rules/support/security';
import { toPointer } from '../shared/pointer';
import type { AuthzFlag, AuthzOperation, AuthzScheme } from '../shared/types';

/** What the matrix judges by: the options of no-write-with-read-only-scope and require-distinct-admin-security. */
export interface AuthzSettings {
  readOnlyScopes: readonly string[];
  adminSegments: readonly string[];
}

/** The alternatives of a security list, each as the schemes it asks for with their type and scopes. */
export function alternativesOf(security: EffectiveSecurity | undefined, schemes: JsonObject): AuthzScheme[][] {
  return (security?.alternatives ?? []).map(({ requirement }) =>
    Object.entries(requirement).map(([scheme, scopes]) => {
      const declared = schemes[scheme];
      return {
        scheme,
        ...(isObject(declared) && typeof declared.type === 'string' ? { type: declared.type } : {}),
        scopes: Array.isArray(scopes) ? scopes.map(asText) : [],
      };
    }),
  );
}

/** The refusal responses (401, 403) an operation does not define; a `4XX` range covers both. */
function missingRefusals(responses: JsonObject): ('401' | '403')[] {
  const statuses = new Set(Object.keys(responses).map((status) => status.toUpperCase()));
  return statuses.has('4XX') ? [] : (['401', '403'] as const).filter((status) => !statuses.has(status));
}

/** The authorization matrix of a resolved OpenAPI document, in document order. */
export function authorizationMatrix(root: JsonObject, settings: AuthzSettings): AuthzOperation[] {
  const schemes = securitySchemesOf(root);
  const readOnly = readOnlyMatchers(settings.readOnlyScopes);
  const adminSegments = new Set(settings.adminSegments.map((segment) => segment.toLowerCase()));
  const operations = operationsOf(root).map((operation) => ({
    operation,
    security: effectiveSecurity(operation.operation, operation.path, root),
  }));
  const nonAdmin: SecuredOperation[] = operations.flatMap(({ operation, security }) =>
    security !== undefined && isEnforced(security) && !isAdmin(operation, adminSegments) ? [{ operation, security }] : [],
  );
  return operations.map(({ operation, security }) => {
    const { path } = operation;
    const access = securityStatus(operation.operation, root);
    const flags: AuthzFlag[] = [];
    if (access !== 'required') flags.push('public');
    if (changesData(operation) && security?.alternatives.some((alternative) => readOnlyScopesOf(alternative, root, readOnly) !== undefined))
      flags.push('write-with-read-only-scope');
    const shared =
      security !== undefined && isEnforced(security) && isAdmin(operation, adminSegments) ? sharedWith(security, nonAdmin) : undefined;
    if (shared) flags.push('admin-shares-requirement');
    const missingResponses = access === 'required' ? missingRefusals(responsesOf(operation.operation)) : [];
    if (missingResponses.length > 0) flags.push('no-401-403');
    const operationId = operation.operation.operationId;
    return {
      method: String(path[path.length - 1]).toUpperCase(),
      path: String(path[1]),
      ...(typeof operationId === 'string' ? { operationId } : {}),
      pointer: toPointer(path),
      access,
      inherited: security?.inherited ?? false,
      alternatives: alternativesOf(security, schemes),
      flags,
      ...(shared ? { sharesWith: operationLabel(shared.other.path) } : {}),
      ...(missingResponses.length > 0 ? { missingResponses } : {}),
    };
  });
}
