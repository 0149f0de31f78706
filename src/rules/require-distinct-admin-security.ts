import { defineRule } from './define-rule';
import { ADMIN_SEGMENTS, isAdmin, SecuredOperation, sharedWith } from './support/authorization';
import { operationsOf, reportTogether } from './support/gaps';
import { isSwagger2, operationLabel } from './support/openapi';
import { effectiveSecurity, isEnforced, reportByPlace, requirementLabel, SecurityFinding } from './support/security';

interface Options {
  /** Path segments (matched whole and case-insensitively) that mark an operation as administrative. */
  adminSegments: string[];
}

type MessageId = 'shared' | 'manyShared' | 'unprotected' | 'inheritedUnprotected';

export default defineRule<Options, MessageId>({
  id: 'require-distinct-admin-security',
  severity: 'warn',
  description: 'Administrative operations must require a scheme or scope that no other operation is satisfied with.',
  rationale:
    'Function-level authorization fails most often where admin and user functions sit in one API: if an ' +
    '`/admin` operation accepts the same token as `GET /pets`, every user holds an admin credential as far as ' +
    "the contract says, and only the backend's own checks (if any) stand in the way. An administrative operation " +
    '(a path segment `admin`, `internal`, `manage` or `management`; configurable) must require something no ' +
    'non-admin operation is satisfied with: a scheme of its own, or a scope that only admin operations ask for. ' +
    'Admin operations callable without authentication (`security: []`, or an empty alternative) are reported too. ' +
    'Admin operations that share credentials with others are one finding for the document, each admin operation a ' +
    'place of it; a root requirement that lets admin operations be called anonymously is one finding for all of them.',
  sources: [
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OWASP Authorization Cheat Sheet: deny by default, least privilege',
  ],
  owasp: 'API5:2023',
  cwe: [285, 269],
  precision: 'medium',
  fix: 'Give administrative operations a scope only they require (`admin:write`), or a scheme of their own, and keep it out of the tokens of ordinary clients.',
  options: {
    schema: {
      type: 'object',
      properties: { adminSegments: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaults: { adminSegments: ADMIN_SEGMENTS },
  },
  messages: {
    shared:
      'Admin operation {{operation}} accepts the credentials of {{other}} ({{requirement}}): nothing in the description keeps non-admin clients out.',
    manyShared:
      '{{count}} admin operations accept the credentials of non-admin operations: {{places}}. Nothing in the description keeps non-admin clients out.',
    unprotected: 'Admin operation {{operation}} can be called without authentication.',
    inheritedUnprotected:
      '{{count}} admin operations ({{operations}}) inherit this security, which lets them be called without authentication.',
  },
  visit: {
    Document(root, context) {
      const segments = new Set(context.options.adminSegments.map((segment) => segment.toLowerCase()));
      const operations = operationsOf(root).map((operation) => ({
        operation,
        security: effectiveSecurity(operation.operation, operation.path, root),
      }));
      const others: SecuredOperation[] = operations.flatMap(({ operation, security }) =>
        !isAdmin(operation, segments) && security !== undefined && isEnforced(security) ? [{ operation, security }] : [],
      );
      const shared: SecurityFinding[] = [];
      const unprotected: SecurityFinding[] = [];
      for (const { operation, security } of operations) {
        // Without any security list, require-security reports the operation.
        if (!isAdmin(operation, segments) || security === undefined) continue;
        if (!isEnforced(security)) {
          unprotected.push({ at: security.path, operation, data: {} });
          continue;
        }
        const match = sharedWith(security, others);
        if (match === undefined) continue;
        const other = operationLabel(match.other.path);
        shared.push({
          at: security.path,
          operation,
          data: { other, requirement: requirementLabel(match.asked) },
          related: [{ at: match.other.path, message: other }],
        });
      }
      reportByPlace(context, unprotected, 'unprotected', 'inheritedUnprotected');
      // Admin operations sharing credentials are one design decision: one finding for the document, each as a place.
      const places = shared.map((finding) => ({
        ...finding,
        path: finding.operation.path,
        label: `${operationLabel(finding.operation.path)} (like ${finding.data.other})`,
      }));
      const at = isSwagger2(root) ? [] : ['paths'];
      for (const finding of reportTogether(context, places, { at, messageId: 'manyShared', data: {} })) {
        const operation = operationLabel(finding.operation.path);
        context.report('shared', { at: finding.at, data: { ...finding.data, operation }, related: finding.related });
      }
    },
  },
});
