import { defineRule } from './define-rule';
import { counted } from '../shared/numbers';
import { Gap, operationsOf, reportDocumentGap } from './support/gaps';
import { operationLabel, securitySchemesOf, securityStatus } from './support/openapi';

export default defineRule({
  id: 'require-security',
  severity: 'error',
  description: 'Every operation must have a security requirement, or opt out explicitly.',
  rationale:
    'An operation without any security requirement is callable by anyone, and nothing in the description says ' +
    'whether that is intended. Operations that opt out explicitly (`security: []`, or an empty `{}` alternative) ' +
    'are reported by no-public-operations for review instead; a root `security: []` is not an explicit opt-out ' +
    'of any one operation. A document with no authentication at all, a root `security: []` and a document where ' +
    'no operation has a requirement are each one finding, with the operations listed, not one per operation.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OpenAPI Specification: Security Requirement Object',
  ],
  owasp: 'API2:2023',
  cwe: [306],
  fix: 'Add a root `security` requirement (and `securitySchemes`), or set `security` on the operation; mark public operations with `security: []`.',
  messages: {
    missing: 'Operation {{operation}} has no security requirement.',
    noneSecured: 'None of the {{count}} operations has a security requirement.',
    noAuthentication: 'The API declares no authentication: no security scheme and no security requirement for its {{operations}}.',
    emptyRootSecurity: 'The root `security: []` requires nothing, leaving {{operations}} without a security requirement.',
  },
  visit: {
    Document(root, context) {
      const operations = operationsOf(root);
      const unprotected = operations
        .filter(({ operation }) => securityStatus(operation, root) === 'none')
        .map(({ path }) => ({ path, label: operationLabel(path) }));
      // Suppressed operations are exceptions: reported one by one, to be suppressed, never in a finding for many.
      const open = unprotected.filter(({ path }) => !context.isSuppressed(path));
      const declaresNothing =
        Object.keys(securitySchemesOf(root)).length === 0 && !('security' in root) && unprotected.length === operations.length;
      const emptyRoot = Array.isArray(root.security) && root.security.length === 0;
      let oneByOne: readonly Gap[];
      if (open.length > 0 && (declaresNothing || emptyRoot)) {
        const details = {
          data: { operations: counted(open.length, 'operation') },
          related: open.map(({ path, label }) => ({ at: path, message: label })),
        };
        if (declaresNothing) context.report('noAuthentication', details);
        else context.report('emptyRootSecurity', { at: ['security'], ...details });
        oneByOne = unprotected.filter((gap) => !open.includes(gap));
      } else {
        oneByOne = reportDocumentGap(context, unprotected, operations.length, 'noneSecured');
      }
      for (const { path, label } of oneByOne) context.report('missing', { at: path, data: { operation: label } });
    },
  },
});
