/**
 * Function-level authorization as the description declares it: which operations a read-only token or a non-admin
 * client can call. Shared by the rules that report it and by `oasguard authz`, which tabulates it.
 */
import type { OperationAt } from './gaps';
import { nameWords } from './names';
import type { JsonObject } from './openapi';
import { EffectiveSecurity, isUnsafeOperation, requestedScopes, satisfies, SecurityAlternative } from './security';

/** Scope names that grant reading only, by default; `*` stands for any run of characters. */
export const READ_ONLY_SCOPES = [
  'read',
  'readonly',
  'read-only',
  'read:*',
  '*:read',
  '*.read',
  '*.readonly',
  '*.read-only',
  '*/read',
  '*_read',
  'view',
  'view:*',
  '*:view',
];

/** Path segments that mark an operation as administrative, by default. */
export const ADMIN_SEGMENTS = ['admin', 'internal', 'manage', 'management'];

/** Verbs that name a read: RPC-style APIs read with POST (`/pets:search`, `POST /reports/query`, `listGroups`, `dataset:aggregate`). */
const READ_VERBS = new Set([
  'search',
  'searches',
  'query',
  'list',
  'get',
  'lookup',
  'find',
  'count',
  'test',
  'retrieve',
  'fetch',
  'read',
  'preview',
  'estimate',
  'calculate',
  'validate',
  'check',
  'verify',
  'aggregate',
  'analyse',
  'analyze',
  'tail',
  'wait',
]);

/** Whether a POST operation is named as a read: by its last path segment, its custom method or its operationId. */
function isNamedRead({ operation, path }: OperationAt): boolean {
  if (String(path[path.length - 1]).toLowerCase() !== 'post') return false;
  const lastSegment = String(path[1]).split('/').pop() ?? '';
  const names = [lastSegment.split(':').pop() ?? '', typeof operation.operationId === 'string' ? operation.operationId : ''];
  return names.some((name) => {
    const words = nameWords(name);
    return READ_VERBS.has((words[0] === 'batch' ? words[1] : words[0]) ?? '');
  });
}

/** Whether an operation changes data: an unsafe method, unless a POST is named as a read. */
export function changesData(operation: OperationAt): boolean {
  return isUnsafeOperation(operation) && !isNamedRead(operation);
}

/** Read-only scope patterns (`*` wildcards) as anchored, case-insensitive regular expressions. */
export function readOnlyMatchers(patterns: readonly string[]): RegExp[] {
  return patterns.map(
    (pattern) =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ),
  );
}

/** The scopes of an alternative when it asks for some and every one of them grants reading only. */
export function readOnlyScopesOf(alternative: SecurityAlternative, root: JsonObject, readOnly: readonly RegExp[]): string[] | undefined {
  const { scopes } = requestedScopes(alternative.requirement, root);
  return scopes.length > 0 && scopes.every((scope) => readOnly.some((pattern) => pattern.test(scope))) ? scopes : undefined;
}

/** Whether an operation's route has an administrative segment (`/admin/users`, `/v1/internal/jobs`). */
export function isAdmin({ path }: OperationAt, segments: ReadonlySet<string>): boolean {
  return String(path[1])
    .split('/')
    .some((segment) => segments.has(segment.toLowerCase()));
}

/** An operation and the security it enforces. */
export interface SecuredOperation {
  operation: OperationAt;
  security: EffectiveSecurity;
}

/** The first of `others` whose credentials also satisfy an alternative of `security`, and that alternative. */
export function sharedWith(
  security: EffectiveSecurity,
  others: readonly SecuredOperation[],
): { other: OperationAt; asked: JsonObject } | undefined {
  for (const other of others) {
    for (const held of other.security.alternatives) {
      const asked = security.alternatives.find(({ requirement }) => satisfies(held.requirement, requirement));
      if (asked) return { other: other.operation, asked: asked.requirement };
    }
  }
  return undefined;
}
