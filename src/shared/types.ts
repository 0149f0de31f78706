/** Finding severities, most severe first. */
export const SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;

/** How serious a finding is. */
export type Severity = (typeof SEVERITIES)[number];

/** A severity, or `off` to disable a rule in a ruleset. */
export type RuleSetting = Severity | 'off';

/** A 1-based position in a file; `column` counts UTF-16 code units, as editors and SARIF do. */
export interface Position {
  line: number;
  column: number;
}

/** A 1-based range; `end.column` is exclusive (the column after the last character). */
export interface Range {
  start: Position;
  end: Position;
}

/** One problem found in a document. */
export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is; stable across wording changes. */
  messageId: string;
  severity: Severity;
  message: string;
  /** Path relative to the lint's `cwd`, forward slashes; `<stdin>` for standard input. */
  file: string;
  /** JSON pointer (RFC 6901) to the flagged node within `file`. */
  pointer: string;
  range: Range;
  /**
   * A hash of the flagged node's scalar values and member names (of the message, for a file that did not parse):
   * baselines match on it, so changing the flagged node brings a baselined finding back.
   */
  nodeHash: string;
  /** Present on suppressed findings: the `x-oasguard-ignore` that covers it. */
  suppression?: Suppression;
  /**
   * The places a finding that stands for many is about (the operations a document-wide gap covers, the fields of one
   * request body); its message gives their count.
   */
  related?: RelatedLocation[];
}

/** A place a finding is about besides where it is reported. */
export interface RelatedLocation {
  /** Path relative to the lint's `cwd`, as the finding's. */
  file: string;
  /** JSON pointer (RFC 6901) within `file`. */
  pointer: string;
  range: Range;
  /** What is there, in words: `GET /pets`, `description`. */
  message: string;
}

/** An `x-oasguard-ignore` entry that covers a finding. */
export interface Suppression {
  /** SARIF's term: the suppression is written in the document itself. */
  kind: 'inSource';
  reason: string;
  /** JSON pointer to the node carrying `x-oasguard-ignore`, within the finding's file. */
  pointer: string;
}

/** OWASP API Security Top 10 2023 categories. */
export type OwaspCategory =
  | 'API1:2023'
  | 'API2:2023'
  | 'API3:2023'
  | 'API4:2023'
  | 'API5:2023'
  | 'API6:2023'
  | 'API7:2023'
  | 'API8:2023'
  | 'API9:2023'
  | 'API10:2023';

/** SARIF's (and GitHub code scanning's) rule precision levels. */
export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/** What every rule (and every built-in diagnostic) tells users about itself. */
export interface RuleMeta {
  id: string;
  /**
   * `rule`: an oasguard security check; `diagnostic`: a problem with the document itself (always an error);
   * `custom`: a rule from a Spectral ruleset or the user's own, with no more metadata than its definition gives
   * (empty `rationale`, `fix` and `docsUrl` when it has none).
   */
  kind: 'rule' | 'diagnostic' | 'custom';
  /** Default severity: the one the `recommended` preset uses. */
  severity: Severity;
  description: string;
  rationale: string;
  /** The guideline clauses this rule enforces, e.g. "OWASP API Security Top 10 2023 API8". */
  sources: string[];
  /** Absent for diagnostics, which are not security weaknesses themselves. */
  owasp?: OwaspCategory;
  cwe: number[];
  fix: string;
  /** How often a finding is a true positive, in SARIF's terms: heuristics on names and patterns are `medium`. */
  precision: Precision;
  /** The rule's documentation anchor. */
  docsUrl: string;
}

/** A document that was reported but could not be linted: its findings say why. */
export interface UnlintedFile {
  file: string;
  /**
   * `parse-error`: not well-formed YAML or JSON; `not-openapi`: parsed, but not an OpenAPI document;
   * `internal-error`: linting it failed.
   */
  reason: 'parse-error' | 'not-openapi' | 'internal-error';
  /** The first problem found, in words. */
  message: string;
}

/** A file a directory or glob search found but did not read. */
export interface SkippedFile {
  /** As displayed in findings (relative to the working directory). */
  file: string;
  /** Why, in words: a symlink leaving the root, or not a regular file. */
  reason: string;
}

/** How a lint against a baseline went. */
export interface BaselineSummary {
  /** The baseline file, as given. */
  file: string;
  /** Entries for linted files that matched no finding: fixed, or changed. `baseline update` prunes them. */
  stale: number;
}

/** What `lint()` returns. */
/** A scheme an authorization alternative asks for, with the scopes (or 3.1 roles) it lists. */
export interface AuthzScheme {
  scheme: string;
  /** The scheme's `type` (`oauth2`, `apiKey`, `http`…), or `undefined` for a name no scheme declares. */
  type?: string;
  scopes: string[];
}

/**
 * What an operation's authorization gives a reviewer pause about: `public` (callable without credentials),
 * `write-with-read-only-scope` (changes data for a token with only read-only scopes), `admin-shares-requirement`
 * (an admin operation satisfied by a non-admin operation's credentials), `no-401-403` (requires authentication but
 * defines no 401 or no 403 response).
 */
export type AuthzFlag = 'public' | 'write-with-read-only-scope' | 'admin-shares-requirement' | 'no-401-403';

/** One operation of the authorization matrix (`oasguard authz`). */
export interface AuthzOperation {
  /** Upper-case: `GET`, or a 3.2 `additionalOperations` method. */
  method: string;
  path: string;
  operationId?: string;
  /** The operation in the document, as a JSON pointer. */
  pointer: string;
  /** `required`, `optional` (an empty alternative), `public` (`security: []`) or `none` (no requirement anywhere). */
  access: 'required' | 'optional' | 'public' | 'none';
  /** Whether the security comes from the root rather than the operation. */
  inherited: boolean;
  /** The accepted alternatives, any one of which suffices; each lists the schemes it needs together. */
  alternatives: AuthzScheme[][];
  flags: AuthzFlag[];
  /** For `admin-shares-requirement`: the non-admin operation whose credentials suffice, as `GET /pets`. */
  sharesWith?: string;
  /** For `no-401-403`: which of the two responses the operation does not define. */
  missingResponses?: ('401' | '403')[];
}

/** The authorization matrix of one linted document. */
export interface AuthzDocument {
  file: string;
  operations: AuthzOperation[];
}

export interface LintResult {
  /** The documents reported on, as displayed in findings: linted ones and those in `unlinted`. */
  files: string[];
  /** The reported documents that could not be linted, in `files` order. */
  unlinted: UnlintedFile[];
  /** Files a directory or glob search found but did not read (symlinks leaving the root, devices), sorted. */
  skipped: SkippedFile[];
  /** The files (relative to the working directory) and URLs that `$ref`s read, sorted. */
  referenced: string[];
  /** The findings that count: not suppressed. Sorted by file, line, column, rule id. */
  findings: Finding[];
  /** Findings an `x-oasguard-ignore` covers, each with its `suppression`; sorted like `findings`. */
  suppressed: Finding[];
  /** Findings the baseline holds: known, not counted against the run. Empty without a baseline. */
  baselined: Finding[];
  /** How the baseline fared, when one was given. */
  baseline?: BaselineSummary;
  /** Metadata of every rule that was active, plus the built-in diagnostics; sorted by id. */
  rules: RuleMeta[];
  /** The authorization matrix of each linted document, in `files` order, when `authorization` was asked for. */
  authorization?: AuthzDocument[];
  /** The snapshot of each linted document, in `files` order, when `snapshot` was asked for (`oasguard diff`). */
  snapshots?: DocumentSnapshot[];
}

/** The snapshot of one linted document. */
export interface DocumentSnapshot {
  file: string;
  snapshot: ApiSnapshot;
}

/** Where something stands in a document, for `oasguard diff`: a file as findings name it, a JSON pointer, a position. */
export interface Place {
  file: string;
  pointer: string;
  /** 1-based, as in findings. */
  line: number;
  column: number;
}

/**
 * What `oasguard diff` compares of one document: its operations with their effective security, refusal responses and
 * input limits, its security schemes and its servers. `L` is how places are given: a path in the resolved document
 * while it is taken, a {@link Place} once reported.
 */
export interface ApiSnapshot<L = Place> {
  operations: SnapshotOperation<L>[];
  schemes: SnapshotScheme<L>[];
  servers: SnapshotServer<L>[];
}

export interface SnapshotOperation<L = Place> {
  /** Upper-case: `GET`. */
  method: string;
  path: string;
  access: AuthzOperation['access'];
  /** The accepted alternatives, each the schemes it needs together with their scopes. */
  alternatives: AuthzScheme[][];
  /** Which of 401, 403 and 429 it defines (a `4XX` range defines all three). */
  responses: string[];
  /** Whether it has a success response and each one declares rate-limit headers. */
  rateLimitHeaders: boolean;
  /** The limits on each input field, by `query parameter "limit"`, `body name`… */
  inputs: Record<string, { limits: string[]; place: L }>;
  place: L;
}

export interface SnapshotScheme<L = Place> {
  name: string;
  type: string;
  /** For `http`: its `scheme`, lower-cased; for `apiKey`: where the key goes (`in`). */
  httpScheme?: string;
  apiKeyIn?: string;
  /** OAuth2 flows offered: `implicit`, `password`, `authorizationCode`, `clientCredentials` (Swagger's names mapped). */
  flows: string[];
  /** Authorization, token and refresh URLs that use plain http. */
  insecureUrls: string[];
  place: L;
}

export interface SnapshotServer<L = Place> {
  url: string;
  /** Whether it is, or one of its variables' values makes it, a plain http (or ws) URL. */
  insecure: boolean;
  place: L;
}

/**
 * What `oasguard diff` reports between two versions of an API. Regressions: `operation-made-public`,
 * `security-weakened`, `scheme-weakened`, `server-insecure` (errors), `operation-added-unprotected`, `limit-removed`
 * (warnings), `response-removed` (info); and their reverse, `improved` (hint).
 */
export type ChangeKind =
  | 'operation-made-public'
  | 'security-weakened'
  | 'scheme-weakened'
  | 'server-insecure'
  | 'operation-added-unprotected'
  | 'limit-removed'
  | 'response-removed'
  | 'improved';

/** One security change between the two versions, with where it stands in each (absent on a side it is not in). */
export interface SecurityChange {
  kind: ChangeKind;
  severity: Severity;
  /** What changed: `GET /users/{id}`, `security scheme "oauth"`, `server http://api.example.com`. */
  subject: string;
  message: string;
  before?: Place;
  after?: Place;
}

/** The outcome of `oasguard diff`. */
export interface DiffResult {
  /** How the old version is named: the revision (`origin/main`) or the old file or directory. */
  base: string;
  /** The documents compared, as pairs of the old and the new file (one side absent when only the other has it). */
  documents: { before?: string; after?: string }[];
  /** The security changes, the most severe first, then by the new (else old) place. */
  changes: SecurityChange[];
  /** Lint findings of the new version that the old one did not have, matched as a baseline matches. */
  newFindings: Finding[];
  /** Lint findings of the old version that the new one no longer has. */
  fixedFindings: Finding[];
  /** Metadata of the rules that ran, as in `LintResult`. */
  rules: RuleMeta[];
  /**
   * The work-tree files the diff read, relative to the working directory: both versions' documents and the files
   * (or URLs) their `$ref`s read; a revision's files, read from git, are not among them.
   */
  read: string[];
}
