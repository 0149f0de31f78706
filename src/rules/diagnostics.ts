import { docsUrlFor } from '../shared/meta';
import type { RuleMeta } from '../shared/types';

/** Problems with the document itself rather than its security: always on, never configurable. */
export type DiagnosticId =
  | 'parse-error'
  | 'internal-error'
  | 'invalid-openapi'
  | 'unresolved-ref'
  | 'unsafe-ref'
  | 'not-openapi'
  | 'invalid-suppression'
  | 'unused-suppression';

type DiagnosticDefinition = Pick<RuleMeta, 'description' | 'rationale' | 'sources' | 'fix'> & Partial<Pick<RuleMeta, 'cwe' | 'severity'>> & { id: DiagnosticId };

/** A diagnostic is an error unless it says otherwise. */
function diagnostic(meta: DiagnosticDefinition): RuleMeta {
  return { cwe: [], severity: 'error', ...meta, kind: 'diagnostic', precision: 'very-high', docsUrl: docsUrlFor(meta.id) };
}

/** The built-in diagnostics, sorted by id. */
export const diagnostics: Record<DiagnosticId, RuleMeta> = {
  'internal-error': diagnostic({
    id: 'internal-error',
    description: 'oasguard must be able to lint the whole document.',
    rationale:
      'A document that makes oasguard fail is not linted, and must not pass: the failure is reported on that ' +
      'document, as an error, and the other documents of the run are linted and reported as usual.',
    sources: ['oasguard: fail closed'],
    fix: 'Report the message to the oasguard maintainers with the document (or a part that shows the failure); run with --debug for the stack trace.',
  }),
  'invalid-openapi': diagnostic({
    id: 'invalid-openapi',
    description: 'The document must be valid against the OpenAPI (or Swagger 2.0) schema of its version.',
    rationale:
      'An invalid document is read differently by different tools: a gateway may ignore a misspelt `security` key ' +
      'that the linter would otherwise trust, leaving operations unprotected.',
    sources: [
      'OpenAPI Specification 2.0, 3.0, 3.1 and 3.2 JSON schemas',
      'Swagger 2.0 semantics as @apidevtools/swagger-parser checks them (path parameters declared, one body parameter, required properties that exist)',
    ],
    fix: 'Correct the document where the finding points; the message names the expected structure.',
  }),
  'invalid-suppression': diagnostic({
    id: 'invalid-suppression',
    description: 'An `x-oasguard-ignore` suppression must name a rule and give a reason.',
    rationale:
      'A suppression hides a security finding from every later review. Without a reason nobody can tell a ' +
      'considered exception from a silenced alarm, so a suppression without one suppresses nothing and is an error.',
    sources: ['OWASP API Security Top 10 2023 API9 (Improper Inventory Management): documented exceptions'],
    fix: 'Write `x-oasguard-ignore: [{ rule: <rule-id>, reason: <why it does not apply> }]` (or a map of rule id to reason).',
  }),
  'not-openapi': diagnostic({
    id: 'not-openapi',
    description: 'A file given to oasguard must be an OpenAPI 3.0, 3.1, 3.2 or Swagger 2.0 document.',
    rationale: 'A file that is not OpenAPI cannot be checked; passing it silently would let a broken build go green.',
    sources: ['OpenAPI Specification: `openapi` field; Swagger 2.0: `swagger` field'],
    fix: 'Pass only OpenAPI documents, or give the document an `openapi: 3.x.y` (or `swagger: "2.0"`) field.',
  }),
  'parse-error': diagnostic({
    id: 'parse-error',
    description: 'The document must be well-formed YAML or JSON without duplicate keys.',
    rationale:
      'A document that does not parse cannot be checked, and duplicate keys are resolved differently by different ' +
      'parsers, so a reviewer and a server can see different APIs.',
    sources: ['YAML 1.2 §3.2.1.1 (keys are unique)', 'RFC 8259 §4 (names SHOULD be unique)'],
    fix: 'Fix the syntax error or remove the duplicate key at the reported line.',
  }),
  'unresolved-ref': diagnostic({
    id: 'unresolved-ref',
    description: 'Every `$ref` must resolve to a local file inside the project root and a node within it.',
    rationale:
      'An unresolved reference hides part of the API from review. References are only followed to local files ' +
      'below the project root: oasguard never fetches URLs or reads files elsewhere on a document\'s say-so.',
    sources: ['OpenAPI Specification: Reference Object', 'RFC 6901 (JSON Pointer)'],
    fix: 'Point the `$ref` at an existing file below the project root and an existing JSON pointer within it.',
  }),
  'unsafe-ref': diagnostic({
    id: 'unsafe-ref',
    description: 'A `$ref` must not make the linter read outside the project or reach the network.',
    rationale:
      'Documents come from anyone (a pull request from a fork), and linters run inside CI runners that hold secrets. ' +
      'A `$ref` to `/etc/passwd`, `../../.aws/credentials`, a symlink leaving the project, or a cloud metadata URL ' +
      'would turn the linter into a way to read files or probe the network. Such references are refused and their ' +
      'targets never read: absolute paths, paths leaving the root, symlinks whose real path leaves it, and remote ' +
      'URLs (unless `--allow-remote-refs`, and then https only, never to private or loopback addresses).',
    sources: ['OWASP API Security Top 10 2023 API7 (Server Side Request Forgery)', 'CWE-22 (Path Traversal)', 'CWE-918 (SSRF)'],
    cwe: [22, 59, 918],
    fix: 'Reference files by a relative path inside the project, or bundle remote definitions into the repository.',
  }),
  'unused-suppression': diagnostic({
    id: 'unused-suppression',
    severity: 'info',
    description: 'An `x-oasguard-ignore` suppression must still match a finding.',
    rationale:
      'A suppression that matches nothing is stale (the finding was fixed or moved) or names the wrong rule; left ' +
      'in place it would silently hide the next, unrelated finding of that rule at that node.',
    sources: ['OWASP API Security Top 10 2023 API9 (Improper Inventory Management): documented exceptions'],
    fix: 'Remove the suppression, or correct its rule id.',
  }),
};

/**
 * Whether a finding is a diagnostic: a problem with the document itself, which hides part of the API from the rules.
 * Diagnostics can be neither suppressed nor baselined: a suppression or a baseline must never turn a broken,
 * unresolvable or unsafe document into a passing one.
 */
export function isDiagnostic(ruleId: string): ruleId is DiagnosticId {
  return Object.hasOwn(diagnostics, ruleId);
}
