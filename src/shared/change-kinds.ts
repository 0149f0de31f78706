/**
 * The kinds of security change `oasguard diff` reports, as rule metadata: their severity, what they mean, and the
 * docs anchor, so that SARIF, GitHub annotations and the reports describe a change as they describe a finding.
 */
import type { ChangeKind, RuleMeta } from './types';

const DOCS = 'https://github.com/oasguard/oasguard/blob/main/docs/diff.md';

type KindMeta = Pick<RuleMeta, 'severity' | 'description' | 'rationale' | 'owasp' | 'cwe' | 'fix'>;

const KINDS: Record<ChangeKind, KindMeta> = {
  'operation-made-public': {
    severity: 'error',
    description: 'An operation that required authentication no longer does.',
    rationale: 'Its effective security went from a requirement to none, `security: []` or no list at all: anyone can now call it.',
    owasp: 'API2:2023',
    cwe: [306],
    fix: 'Restore the security requirement, or mark the operation public on purpose and say why in review.',
  },
  'security-weakened': {
    severity: 'error',
    description: "An operation's security requirement got weaker.",
    rationale:
      'An alternative without authentication (`{}`) was added, a scope no alternative requires any more, or the weakest ' +
      'accepted credentials went from tokens (OAuth2, OpenID Connect, mutual TLS, Bearer) to shared secrets (API keys, HTTP Basic).',
    owasp: 'API5:2023',
    cwe: [285],
    fix: 'Keep the stronger requirement, or confirm that the operation is meant to be open to the weaker credentials.',
  },
  'scheme-weakened': {
    severity: 'error',
    description: 'A security scheme became weaker.',
    rationale:
      'It gained the OAuth2 implicit or password flow, moved its API key to the query string, became HTTP Basic, or got a ' +
      'plain http authorization, token or discovery URL.',
    owasp: 'API2:2023',
    cwe: [287],
    fix: 'Undo the change to the scheme: authorization code with PKCE, keys in headers, https URLs.',
  },
  'server-insecure': {
    severity: 'error',
    description: 'A plain http server was added, or a server variable can now make a URL http.',
    rationale: 'Traffic to that server, credentials included, crosses the network in clear text.',
    owasp: 'API8:2023',
    cwe: [319],
    fix: 'Serve the API over https only.',
  },
  'operation-added-unprotected': {
    severity: 'warn',
    description: 'A new operation requires no authentication, or weaker credentials than the other operations on its path.',
    rationale: 'New endpoints are where access control is most often forgotten.',
    owasp: 'API5:2023',
    cwe: [306],
    fix: 'Give the operation the security requirement of its siblings, or `security: []` with a reason if it is public on purpose.',
  },
  'limit-removed': {
    severity: 'warn',
    description: 'An input lost a limit: maxLength, maxItems, maximum, additionalProperties: false or enum.',
    rationale: 'Unbounded input is how resources are exhausted and unexpected fields reach the server.',
    owasp: 'API4:2023',
    cwe: [770],
    fix: 'Restore the limit, or replace it with one that fits the new input.',
  },
  'response-removed': {
    severity: 'info',
    description: 'A 401, 403 or 429 response, or the rate-limit headers of success responses, were removed.',
    rationale: 'Clients lose the documented way to learn that they were refused or throttled.',
    owasp: 'API4:2023',
    cwe: [],
    fix: 'Keep documenting the refusal and rate-limit responses the API gives.',
  },
  improved: {
    severity: 'hint',
    description: 'A change that makes the API more secure: the reverse of a regression.',
    rationale: 'Listed so that a reviewer sees both sides of a change.',
    cwe: [],
    fix: '',
  },
};

/** Every change kind as the metadata of a rule with its id. */
export const CHANGE_KINDS: Record<ChangeKind, RuleMeta> = Object.fromEntries(
  Object.entries(KINDS).map(([id, meta]) => [
    id,
    { id, kind: 'rule', sources: ['oasguard diff'], precision: 'high', docsUrl: `${DOCS}#${id}`, ...meta },
  ]),
) as Record<ChangeKind, RuleMeta>;
