import type { MessageData, PathSegment, RelatedPlace, RuleContext } from '../define-rule';
import type { OperationAt } from './gaps';
import { asText, isObject, JsonObject, operationLabel, securitySchemesOf } from './openapi';

/** One alternative of a security list: a Security Requirement Object and its path in the document. */
export interface SecurityAlternative {
  requirement: JsonObject;
  path: PathSegment[];
}

/** An operation's effective security: its own `security` list, or the root's that it inherits. */
export interface EffectiveSecurity {
  alternatives: SecurityAlternative[];
  /** The path of the list: the operation's `security`, or the root's. */
  path: PathSegment[];
  inherited: boolean;
}

/** The effective security of an operation, or undefined when neither it nor the root declares a list. */
export function effectiveSecurity(
  operation: JsonObject,
  operationPath: readonly PathSegment[],
  root: JsonObject,
): EffectiveSecurity | undefined {
  const inherited = !Array.isArray(operation.security);
  const list = inherited ? root.security : operation.security;
  if (!Array.isArray(list)) return undefined;
  const path = inherited ? ['security'] : [...operationPath, 'security'];
  const alternatives = list.flatMap((requirement, index) => (isObject(requirement) ? [{ requirement, path: [...path, index] }] : []));
  return { alternatives, path, inherited };
}

/** Whether callers must authenticate: some alternative, and none of them empty (`{}` makes authentication optional). */
export function isEnforced(security: EffectiveSecurity): boolean {
  return security.alternatives.length > 0 && security.alternatives.every(({ requirement }) => Object.keys(requirement).length > 0);
}

/** The OAuth2 and OpenID Connect scheme types, whose requirements list the scopes a token must carry. */
export const SCOPED_TYPES = new Set(['oauth2', 'openIdConnect']);

/** The scopes a requirement asks of its OAuth2 and OpenID Connect schemes, and how many such schemes it names. */
export function requestedScopes(requirement: JsonObject, root: JsonObject): { scopes: string[]; schemes: string[] } {
  const declared = securitySchemesOf(root);
  const schemes = Object.keys(requirement).filter((name) => {
    const scheme = declared[name];
    return isObject(scheme) && typeof scheme.type === 'string' && SCOPED_TYPES.has(scheme.type);
  });
  const scopes = schemes.flatMap((name) => {
    const listed = requirement[name];
    return Array.isArray(listed) ? listed.filter((scope): scope is string => typeof scope === 'string') : [];
  });
  return { scopes, schemes };
}

/** Methods that change state (RFC 9110's unsafe methods an API description uses). */
const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Whether an operation (at ['paths', route, method] or under `additionalOperations`) changes state. */
export function isUnsafeOperation({ path }: OperationAt): boolean {
  return UNSAFE_METHODS.has(String(path[path.length - 1]).toLowerCase());
}

/** "GET /pets, DELETE /pets/{id}, …": the operations in words, the first few of them. */
export function operationList(operations: readonly OperationAt[], shown = 3): string {
  const labels = operations.slice(0, shown).map(({ path }) => operationLabel(path));
  return operations.length > shown ? `${labels.join(', ')} and ${operations.length - shown} more` : labels.join(', ');
}

/** A finding about a security list or one of its alternatives, for one operation. */
export interface SecurityFinding {
  /** The list or alternative: the operation's own, or the root's that it inherits. */
  at: PathSegment[];
  operation: OperationAt;
  data: MessageData;
  /** Related places when the finding stands for one operation. */
  related?: RelatedPlace[];
}

/**
 * Reports findings once per place: `one` (with `{{operation}}`) where one operation is concerned, `many` (with
 * `{{count}}` and `{{operations}}`, and the operations as related places) at a root requirement that many inherit.
 */
export function reportByPlace<MessageId extends string>(
  context: RuleContext<unknown, MessageId>,
  findings: readonly SecurityFinding[],
  one: MessageId,
  many: MessageId,
): void {
  const byPlace = new Map<string, SecurityFinding[]>();
  for (const finding of findings) {
    const key = JSON.stringify(finding.at);
    byPlace.set(key, [...(byPlace.get(key) ?? []), finding]);
  }
  for (const [first, ...rest] of byPlace.values()) {
    const data = { ...first.data, operation: operationLabel(first.operation.path) };
    if (rest.length === 0) {
      context.report(one, { at: first.at, data, related: first.related });
      continue;
    }
    const operations = [first, ...rest].map(({ operation }) => operation);
    context.report(many, {
      at: first.at,
      data: { ...data, count: operations.length, operations: operationList(operations) },
      related: operations.map(({ path }) => ({ at: path, message: operationLabel(path) })),
    });
  }
}

/** A requirement in words: `oauth (pets:read, pets:write) + apiKey`; `none` for the empty one. */
export function requirementLabel(requirement: JsonObject): string {
  const parts = Object.entries(requirement).map(([name, scopes]) =>
    Array.isArray(scopes) && scopes.length > 0 ? `${name} (${scopes.map(asText).join(', ')})` : name,
  );
  return parts.length === 0 ? 'none' : parts.join(' + ');
}

/** The scopes a requirement lists for one scheme. */
function scopesFor(requirement: JsonObject, scheme: string): string[] {
  const listed = requirement[scheme];
  return Array.isArray(listed) ? listed.map(asText) : [];
}

/**
 * Whether credentials that satisfy `held` also satisfy `asked`: every scheme `asked` names is in `held`, with at
 * least the scopes `asked` lists for it (the schemes of one requirement must all be satisfied).
 */
export function satisfies(held: JsonObject, asked: JsonObject): boolean {
  return Object.keys(asked).every((scheme) => {
    if (!(scheme in held)) return false;
    const heldScopes = new Set(scopesFor(held, scheme));
    return scopesFor(asked, scheme).every((scope) => heldScopes.has(scope));
  });
}
