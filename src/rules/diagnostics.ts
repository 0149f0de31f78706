import { docsUrlFor } from '../shared/meta';
import type { RuleMeta } from '../shared/types';

/**
 * The ids of the diagnostics: problems with the document itself rather than its security, always on and never
 * configurable. Code names them through these constants, never by a string literal.
 */
export const DIAGNOSTIC = {
  internalError: 'internal-error',
  invalidOpenApi: 'invalid-openapi',
  invalidSuppression: 'invalid-suppression',
  notOpenApi: 'not-openapi',
  parseError: 'parse-error',
  unresolvedRef: 'unresolved-ref',
  unsafeRef: 'unsafe-ref',
  unusedSuppression: 'unused-suppression',
} as const;

export type DiagnosticId = (typeof DIAGNOSTIC)[keyof typeof DIAGNOSTIC];

/** A diagnostic's metadata, and what may hide its findings. */
export interface DiagnosticMeta extends RuleMeta {
  /** Whether an `x-oasguard-ignore` may suppress its findings. */
  readonly suppressible: boolean;
  /** Whether a baseline may record its findings as known. */
  readonly baselined: boolean;
}

type DiagnosticDefinition = Pick<RuleMeta, 'description' | 'rationale' | 'sources' | 'fix'> &
  Partial<Pick<RuleMeta, 'cwe' | 'severity'>> &
  Pick<DiagnosticMeta, 'suppressible' | 'baselined'> & { id: DiagnosticId };

/** A diagnostic is an error unless it says otherwise. */
function diagnostic(meta: DiagnosticDefinition): DiagnosticMeta {
  return { cwe: [], severity: 'error', ...meta, kind: 'diagnostic', precision: 'very-high', docsUrl: docsUrlFor(meta.id) };
}

/**
 * A suppression or a baseline must never turn a broken, unresolvable or unsafe document into a passing one, nor
 * hide a broken suppression: no diagnostic is suppressible or baselined today. Each says so itself, so that a new
 * one has to decide.
 */
const NEITHER = { suppressible: false, baselined: false } as const;

/** The built-in diagnostics, sorted by id. */
export const diagnostics: Record<DiagnosticId, DiagnosticMeta> = {
  [DIAGNOSTIC.internalError]: diagnostic({
    id: DIAGNOSTIC.internalError,
    ...NEITHER,
    description: 'oasguard must be able to lint the whole document.',
    rationale:
      'A document that makes oasguard fail is not linted, and must not pass: the failure is reported on that ' +
      'document, as an error, and the other documents of the run are linted and reported as usual.',
    sources: ['oasguard: fail closed'],
    fix: 'Report the message to the oasguard maintainers with the document (or a part that shows the failure); run with --debug for the stack trace.',
  }),
  [DIAGNOSTIC.invalidOpenApi]: diagnostic({
    id: DIAGNOSTIC.invalidOpenApi,
    ...NEITHER,
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
  [DIAGNOSTIC.invalidSuppression]: diagnostic({
    id: DIAGNOSTIC.invalidSuppression,
    ...NEITHER,
    description: 'An `x-oasguard-ignore` suppression must name a rule and give a reason.',
    rationale:
      'A suppression hides a security finding from every later review. Without a reason nobody can tell a ' +
      'considered exception from a silenced alarm, so a suppression without one suppresses nothing and is an error.',
    sources: ['OWASP API Security Top 10 2023 API9 (Improper Inventory Management): documented exceptions'],
    fix: 'Write `x-oasguard-ignore: [{ rule: <rule-id>, reason: <why it does not apply> }]` (or a map of rule id to reason).',
  }),
  [DIAGNOSTIC.notOpenApi]: diagnostic({
    id: DIAGNOSTIC.notOpenApi,
    ...NEITHER,
    description: 'A file given to oasguard must be an OpenAPI 3.0, 3.1, 3.2 or Swagger 2.0 document.',
    rationale: 'A file that is not OpenAPI cannot be checked; passing it silently would let a broken build go green.',
    sources: ['OpenAPI Specification: `openapi` field; Swagger 2.0: `swagger` field'],
    fix: 'Pass only OpenAPI documents, or give the document an `openapi: 3.x.y` (or `swagger: "2.0"`) field.',
  }),
  [DIAGNOSTIC.parseError]: diagnostic({
    id: DIAGNOSTIC.parseError,
    ...NEITHER,
    description: 'The document must be well-formed YAML or JSON without duplicate keys.',
    rationale:
      'A document that does not parse cannot be checked, and duplicate keys are resolved differently by different ' +
      'parsers, so a reviewer and a server can see different APIs.',
    sources: ['YAML 1.2 §3.2.1.1 (keys are unique)', 'RFC 8259 §4 (names SHOULD be unique)'],
    fix: 'Fix the syntax error or remove the duplicate key at the reported line.',
  }),
  [DIAGNOSTIC.unresolvedRef]: diagnostic({
    id: DIAGNOSTIC.unresolvedRef,
    ...NEITHER,
    description: 'Every `$ref` must resolve to a local file inside the project root and a node within it.',
    rationale:
      'An unresolved reference hides part of the API from review. References are only followed to local files ' +
      "below the project root: oasguard never fetches URLs or reads files elsewhere on a document's say-so.",
    sources: ['OpenAPI Specification: Reference Object', 'RFC 6901 (JSON Pointer)'],
    fix: 'Point the `$ref` at an existing file below the project root and an existing JSON pointer within it.',
  }),
  [DIAGNOSTIC.unsafeRef]: diagnostic({
    id: DIAGNOSTIC.unsafeRef,
    ...NEITHER,
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
  [DIAGNOSTIC.unusedSuppression]: diagnostic({
    id: DIAGNOSTIC.unusedSuppression,
    ...NEITHER,
    severity: 'info',
    description: 'An `x-oasguard-ignore` suppression must still match a finding.',
    rationale:
      'A suppression that matches nothing is stale (the finding was fixed or moved) or names the wrong rule; left ' +
      'in place it would silently hide the next, unrelated finding of that rule at that node.',
    sources: ['OWASP API Security Top 10 2023 API9 (Improper Inventory Management): documented exceptions'],
    fix: 'Remove the suppression, or correct its rule id.',
  }),
};

/** Whether a rule id names a diagnostic rather than a rule. */
export function isDiagnostic(ruleId: string): ruleId is DiagnosticId {
  return Object.hasOwn(diagnostics, ruleId);
}

/** Whether an `x-oasguard-ignore` may suppress findings of a rule or diagnostic: every rule's may. */
export function isSuppressible(ruleId: string): boolean {
  return !isDiagnostic(ruleId) || diagnostics[ruleId].suppressible;
}

/** Whether a baseline may record findings of a rule or diagnostic: every rule's may. */
export function isBaselined(ruleId: string): boolean {
  return !isDiagnostic(ruleId) || diagnostics[ruleId].baselined;
}
