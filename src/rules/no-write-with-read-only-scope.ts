import { defineRule } from './define-rule';
import { changesData, READ_ONLY_SCOPES, readOnlyMatchers, readOnlyScopesOf } from './support/authorization';
import { operationsOf } from './support/gaps';
import { effectiveSecurity, reportByPlace } from './support/security';

interface Options {
  /** Scope names that grant reading only; `*` stands for any run of characters; matched case-insensitively. */
  readOnlyScopes: string[];
}

type MessageId = 'readOnly' | 'inheritedReadOnly';

export default defineRule<Options, MessageId>({
  id: 'no-write-with-read-only-scope',
  severity: 'warn',
  description: 'Operations that change data (POST, PUT, PATCH, DELETE) must not accept a token that has only read-only scopes.',
  rationale:
    'Scopes are how OAuth2 limits what a client may do: a client granted `pets:read` was meant to read. An ' +
    'operation that changes data and accepts such a token lets every read-only client (a dashboard, a reporting ' +
    "integration, a stolen token of one) write, which is broken function-level authorization in the API's own " +
    'contract. Checked: each security alternative of an unsafe operation that asks OAuth2 or OpenID Connect scopes, ' +
    'all of which have read-only names (`read`, `read:*`, `*:read`, `*.read`, `*.readonly`, `view` and the like; ' +
    'configurable). POST operations named as reads (`search`, `query`, `list`, `get`… as their last path segment, ' +
    'custom method or operationId) are exempt: RPC-style APIs read with POST. An alternative inherited from the ' +
    'root is one finding for all the operations that inherit it.',
  sources: [
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'RFC 6749 section 3.3 (access token scope); RFC 9700 (OAuth 2.0 Security Best Current Practice): least privilege',
  ],
  owasp: 'API5:2023',
  cwe: [285, 863],
  precision: 'medium',
  fix: 'Require a scope that grants writing (`pets:write`) for the operation, or declare the operation read-only if it changes nothing.',
  options: {
    schema: {
      type: 'object',
      properties: { readOnlyScopes: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaults: { readOnlyScopes: READ_ONLY_SCOPES },
  },
  messages: {
    readOnly: '{{operation}} changes data but accepts a token with only read-only scopes ({{scopes}}): a read-only client can call it.',
    inheritedReadOnly:
      '{{count}} operations that change data ({{operations}}) inherit this requirement, whose scopes are all read-only ({{scopes}}): a read-only client can call them.',
  },
  visit: {
    Document(root, context) {
      const readOnly = readOnlyMatchers(context.options.readOnlyScopes);
      const findings = operationsOf(root)
        .filter(changesData)
        .flatMap((operation) =>
          (effectiveSecurity(operation.operation, operation.path, root)?.alternatives ?? []).flatMap((alternative) => {
            const scopes = readOnlyScopesOf(alternative, root, readOnly);
            return scopes === undefined ? [] : [{ at: alternative.path, operation, data: { scopes: scopes.join(', ') } }];
          }),
        );
      reportByPlace(context, findings, 'readOnly', 'inheritedReadOnly');
    },
  },
});
