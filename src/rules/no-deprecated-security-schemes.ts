import { defineRule } from './define-rule';
import { operationsOf } from './support/gaps';
import { isObject, isSwagger2, securitySchemesOf } from './support/openapi';
import { effectiveSecurity, isEnforced, reportByPlace } from './support/security';

type MessageId = 'onlyDeprecated' | 'inheritedOnlyDeprecated';

/** Whether a scheme is marked deprecated: OpenAPI 3.2's `deprecated: true`, or an `x-deprecated` extension. */
function isDeprecated(scheme: unknown): boolean {
  if (!isObject(scheme)) return false;
  const extension = scheme['x-deprecated'];
  return scheme.deprecated === true || extension === true || (typeof extension === 'string' && extension.trim() !== '');
}

export default defineRule<undefined, MessageId>({
  id: 'no-deprecated-security-schemes',
  severity: 'warn',
  description: 'Operations must accept a security scheme that is not deprecated.',
  rationale:
    'A scheme is deprecated because it is weaker or on its way out: a legacy API key, an old token issuer. An ' +
    'operation that every alternative of its security ties to a deprecated scheme cannot be called without it, so ' +
    'the weak mechanism can never be switched off, and clients have nothing to migrate to. Deprecated: OpenAPI ' +
    "3.2's `deprecated: true` on the Security Scheme Object, or `x-deprecated` (true, or a note) in earlier versions. " +
    'Operations that also accept a current scheme are fine; a root requirement is one finding for every operation ' +
    'that inherits it.',
  sources: [
    'OWASP API Security Top 10 2023 API9 (Improper Inventory Management): deprecated versions and mechanisms',
    'OpenAPI Specification 3.2: Security Scheme Object `deprecated`',
  ],
  owasp: 'API9:2023',
  cwe: [477],
  fix: "Add an alternative with the replacement scheme to the operation's security, then remove the deprecated one once clients have moved.",
  messages: {
    onlyDeprecated: '{{operation}} can only be called with deprecated security schemes ({{schemes}}).',
    inheritedOnlyDeprecated:
      '{{count}} operations ({{operations}}) inherit this security, which only deprecated schemes ({{schemes}}) satisfy.',
  },
  visit: {
    Document(root, context) {
      const schemes = securitySchemesOf(root);
      const deprecated = new Set(Object.keys(schemes).filter((name) => isDeprecated(schemes[name])));
      if (deprecated.size === 0) return;
      const schemesAt = isSwagger2(root) ? ['securityDefinitions'] : ['components', 'securitySchemes'];
      const findings = operationsOf(root).flatMap((operation) => {
        const security = effectiveSecurity(operation.operation, operation.path, root);
        if (security === undefined || !isEnforced(security)) return [];
        const named = security.alternatives.map(({ requirement }) => Object.keys(requirement).filter((name) => deprecated.has(name)));
        if (named.some((names) => names.length === 0)) return [];
        const names = [...new Set(named.flat())];
        const related = names.map((name) => ({ at: [...schemesAt, name], message: `${name} (deprecated)` }));
        return [{ at: security.path, operation, data: { schemes: names.join(', ') }, related }];
      });
      reportByPlace(context, findings, 'onlyDeprecated', 'inheritedOnlyDeprecated');
    },
  },
});
