/**
 * The engine: runs oasguard's rules through spectral-core on one document at a time, and turns what Spectral reports
 * (rule results, parser and resolver errors) into findings placed in the file they are about, with node hashes and
 * suppressions. Spectral itself is reached through ../stoplight, which says how its versions are pinned.
 */
import { relative, sep } from 'node:path';
import { Document, JsonParser, parseJsonWithPointers as parseJson, Spectral, YamlParser } from '../stoplight';
import type { IResolveError, ISpectralDiagnostic, Ruleset, SpectralDocument as IDocument } from '../stoplight';
import { errorMessage } from '../shared/errors';
import { severityRank } from '../shared/severity';
import { SEVERITIES, Severity } from '../shared/types';
import { DIAGNOSTIC, DiagnosticId, diagnostics } from '../rules/diagnostics';
import { asParsedKey, restoreKeys, unescapeHex, withSafeKeys } from '../input/document-safety';
import { checkLimits, isJson, positionAt } from '../input/limits';
import { RefGraphTooLarge } from '../refs/local-refs';
import { jsonLocation, yamlLocation } from './locations';
import { parseYaml } from '../input/yaml-parser';
import { isMapping } from '../shared/mapping';
import type { MessageTable } from './messages';
import { nodeAt, nodeHash } from './node-hash';
import { mergeRepeats } from './repeats';
import { findRefLoops } from '../refs/ref-loops';
import { spectralDiagnostic } from './spectral-rules';
import { EncodingError, isInside } from '../input/read';
import { AccessPolicy, createConfinedResolver } from '../refs/resolver';
import { unsafeRefMessage } from '../refs/unsafe-ref';
import { SUPPRESSION_KEY } from '../rules/support/suppressions';
import { SuppressionProblem, Suppressions } from './suppressions';
import { authorizationMatrix, AuthzSettings } from '../authz/matrix';
import { snapshotOf, withPlaces } from '../snapshot/snapshot';
import { placeOf, refTarget } from './places';
import type { ApiSnapshot, AuthzOperation } from '../shared/types';

/** A finding before its file is made relative for display. */
export interface EngineFinding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the finding is in. */
  source: string;
  path: (string | number)[];
  /** 0-based, as Spectral gives them. */
  range: ISpectralDiagnostic['range'];
  /** A hash of the flagged node, for baselines (of the message, for a document that did not parse). */
  nodeHash: string;
  /** Set when an `x-oasguard-ignore` covers the finding. */
  suppression?: { reason: string; path: (string | number)[] };
  /** The places a finding that stands for many is about, in the same file. */
  related?: { source: string; path: (string | number)[]; range: ISpectralDiagnostic['range']; message: string }[];
}

/** A place in a file, as findings have them. */
export type EnginePlace = Pick<EngineFinding, 'source' | 'path' | 'range'>;

/** What the engine needs of a loaded ruleset (config/ruleset.ts loads them). */
export interface EngineRuleset {
  /** The rules as Spectral runs them, the schema checks included. */
  readonly spectral: Ruleset;
  /** The messages of oasguard's rules, which reach Spectral as tokens. */
  readonly messages: MessageTable;
}

/** One document to lint: its absolute path (a made-up one for stdin) and its text. */
export interface SourceDocument {
  source: string;
  text: string;
}

/** What the engine says about a document. */
export type DocumentOutcome =
  /** `referenced`: the files and URLs its `$ref`s read for the first time in this engine. */
  | {
      kind: 'linted';
      findings: EngineFinding[];
      referenced: string[];
      authorization?: AuthzOperation[];
      snapshot?: ApiSnapshot<EnginePlace>;
    }
  /** The document parsed but is not OpenAPI (`looksLikeOpenApi`: it has an `openapi` or `swagger` field); the finding says why. */
  | { kind: 'not-openapi'; looksLikeOpenApi: boolean; findings: EngineFinding[] }
  /** The document did not parse at all: only parse errors, and whether the text looks like OpenAPI. */
  | { kind: 'unparsable'; looksLikeOpenApi: boolean; findings: EngineFinding[] }
  /** Linting the document failed: one internal-error finding says how. Always reported. */
  | { kind: 'failed'; looksLikeOpenApi: true; findings: EngineFinding[] };

/** An `openapi` or `swagger` key anywhere, quoted or not: in a minified one-line JSON file as on a YAML line. */
const OPENAPI_KEY = /(?:^|[\s{,])["']?(?:openapi|swagger)["']?\s*:/m;

/** Whether a text that did not parse looks like OpenAPI, its JSON and YAML escapes (`\u006fpenapi`) decoded first. */
export function looksLikeOpenApi(text: string): boolean {
  return OPENAPI_KEY.test(text.includes('\\') ? unescapeHex(text) : text);
}

/** Runs oasguard's rules through spectral-core, one document at a time. */
export class SpectralEngine {
  private readonly spectral: Spectral;
  private readonly messages: MessageTable;
  /**
   * Referenced files by path, parsed on first need, to place errors found in them (Spectral places them in the root).
   * In the order they were read (each once per engine): a document's outcome names those it read first.
   */
  private readonly referencedFiles = new Map<string, { text: string; document?: IDocument }>();
  /** The resolver's errors for the document being linted: every one, where Spectral reports one per message. */
  private resolverErrors: IResolveError[] = [];
  /** The suppressions of every file linted so far, and which matched a finding. */
  readonly suppressions = new Suppressions();

  constructor(
    ruleset: EngineRuleset,
    private readonly policy: AccessPolicy,
    countFile: () => void,
    /** When given, each linted document's outcome carries its authorization matrix (`oasguard authz`). */
    private readonly authorization?: AuthzSettings,
    /** When set, each linted document's outcome carries its snapshot (`oasguard diff`). */
    private readonly snapshot = false,
  ) {
    const onRead = (href: string, text: string) => this.referencedFiles.set(href, { text });
    const resolver = createConfinedResolver(policy, onRead, countFile, (errors) => (this.resolverErrors = errors));
    this.spectral = new Spectral({ resolver });
    this.spectral.setRuleset(ruleset.spectral);
    this.messages = ruleset.messages;
  }

  /** Lints one document. Rule crashes propagate: they are bugs, not findings. */
  async lintDocument({ source, text }: SourceDocument): Promise<DocumentOutcome> {
    const violation = checkLimits(text, isJson(source, text), this.policy.limits);
    if (violation) {
      const finding = diagnosticAt(source, DIAGNOSTIC.parseError, violation.messageId, violation.message, {
        line: violation.line,
        character: violation.character,
      });
      return { kind: 'unparsable', looksLikeOpenApi: looksLikeOpenApi(text), findings: [finding] };
    }
    let document: IDocument;
    try {
      document = parseDocument(source, text);
    } catch (error) {
      // The YAML parser throws on some tags it knows (`!!binary`) instead of reporting them.
      return { kind: 'unparsable', looksLikeOpenApi: looksLikeOpenApi(text), findings: [parserCrash(source, text, error)] };
    }
    const fatal = document.diagnostics.filter(stopsRules);
    if (fatal.length > 0 || document.data === undefined) {
      // No node to hash in a document that did not parse: the message stands for it. The rules did not run, so
      // whatever the parser called it, it is an error.
      const findings =
        fatal.length > 0
          ? fatal.map((d) => ({ ...this.toFinding(d, document), severity: 'error' as const, nodeHash: nodeHash(d.message) }))
          : [emptyDocument(source)];
      return { kind: 'unparsable', looksLikeOpenApi: looksLikeOpenApi(text), findings };
    }
    const reason = notOpenApiReason(document.data);
    if (reason !== undefined) {
      const claimsOpenApi =
        isMapping(document.data) && (Object.hasOwn(document.data, 'openapi') || Object.hasOwn(document.data, 'swagger'));
      return {
        kind: 'not-openapi',
        looksLikeOpenApi: claimsOpenApi,
        findings: [diagnosticAt(source, DIAGNOSTIC.notOpenApi, 'notOpenApi', `Not an OpenAPI document: ${reason}.`)],
      };
    }
    let results: ISpectralDiagnostic[];
    let authorization: AuthzOperation[] | undefined;
    let snapshot: ApiSnapshot<EnginePlace> | undefined;
    const readBefore = this.referencedFiles.size;
    try {
      this.resolverErrors = [];
      const { resolved, results: spectralResults } = await this.spectral.runWithResolved(document);
      // The matrix quotes keys (paths, scheme names, scopes): as the document wrote them, not their parser-safe spelling.
      if (this.authorization && isMapping(resolved))
        authorization = JSON.parse(restoreKeys(JSON.stringify(authorizationMatrix(resolved, this.authorization)))) as AuthzOperation[];
      if (this.snapshot && isMapping(resolved)) snapshot = this.placedSnapshot(resolved, document);
      results = [
        ...spectralResults.filter((result) => result.code !== 'invalid-ref'),
        ...resolverDiagnostics(document, this.resolverErrors, this.policy.root),
      ];
    } catch (error) {
      if (!(error instanceof RefGraphTooLarge)) throw error;
      return {
        kind: 'unparsable',
        looksLikeOpenApi: true,
        findings: [diagnosticAt(source, DIAGNOSTIC.parseError, 'refSteps', error.message)],
      };
    }
    const loops = findRefLoops(document.data).map(({ path, pointers }): EngineFinding => ({
      ruleId: DIAGNOSTIC.unresolvedRef,
      messageId: 'loop',
      severity: 'error',
      message: restoreKeys(`$ref loop: ${pointers.join(' -> ')} never reaches a definition.`),
      source,
      path: path.map(restoreKeys),
      range: rangeIn(document, path),
      nodeHash: '',
    }));
    const problems = this.collectSuppressions(source, text, document);
    const findings = foldNonStringKeys([...results.map((result) => this.toFinding(result, document)), ...loops]);
    for (const finding of findings) {
      const data = finding.source === source ? document.data : this.referencedDocument(finding.source)?.data;
      // A finding that stands for many (every operation, every field of a body) is hashed by what it says, not by a
      // node that changes whenever one of them does: its baseline entry stays matched as operations come and go.
      finding.nodeHash = nodeHash(finding.related ? `${finding.ruleId}:${finding.messageId}` : nodeAt(data, finding.path.map(asParsedKey)));
      const suppression = this.suppressions.match(finding);
      if (suppression) finding.suppression = { reason: suppression.reason, path: suppression.nodePath };
    }
    return {
      kind: 'linted',
      findings: [...mergeRepeats(findings), ...problems],
      referenced: [...this.referencedFiles.keys()].slice(readBefore),
      ...(authorization ? { authorization } : {}),
      ...(snapshot ? { snapshot } : {}),
    };
  }

  /** The document's snapshot, each place where it is written, its keys as the document wrote them. */
  private placedSnapshot(resolved: Record<string, unknown>, document: IDocument): ApiSnapshot<EnginePlace> {
    const parsed = (source: string, parsedDocument: IDocument) => ({ source, data: parsedDocument.data, document: parsedDocument });
    const root = parsed(document.source!, document);
    const fileOf = (source: string) => {
      const referenced = source === root.source ? document : this.referencedDocument(source);
      return referenced && parsed(source, referenced);
    };
    const placed = withPlaces(snapshotOf(resolved), (path): EnginePlace => {
      const { file, path: inFile } = placeOf(path, root, fileOf);
      return { source: file.source, path: inFile, range: rangeIn(file.document, inFile) };
    });
    return JSON.parse(restoreKeys(JSON.stringify(placed))) as ApiSnapshot<EnginePlace>;
  }

  /** Reads the suppressions of the document and of every file it referenced, each file once per run. */
  private collectSuppressions(source: string, text: string, document: IDocument): EngineFinding[] {
    const files: [string, string, () => IDocument | undefined][] = [[source, text, () => document]];
    for (const [file, referenced] of this.referencedFiles) files.push([file, referenced.text, () => this.referencedDocument(file)]);
    const problems: EngineFinding[] = [];
    for (const [file, fileText, parsed] of files) {
      if (this.suppressions.has(file)) continue;
      // Most files have no suppressions: a text search spares the walk.
      const fileDocument = fileText.includes(SUPPRESSION_KEY) ? parsed() : undefined;
      const found = this.suppressions.collect(
        file,
        fileDocument && { data: fileDocument.data, rangeOf: (path) => rangeIn(fileDocument, path) },
      );
      for (const problem of found) problems.push(suppressionFinding(DIAGNOSTIC.invalidSuppression, problem));
    }
    return problems;
  }

  private toFinding(result: ISpectralDiagnostic, document: IDocument): EngineFinding {
    const rootSource = document.source!;
    const code = String(result.code);
    const diagnostic = spectralDiagnostic(code);
    const interned = this.messages.lookup(result.message);
    const unsafe = diagnostic === DIAGNOSTIC.unresolvedRef ? unsafeRefMessage(result.message) : undefined;
    const ruleId = unsafe !== undefined ? DIAGNOSTIC.unsafeRef : (diagnostic ?? code);
    const [messageId, message, severity = SEVERITIES[result.severity] ?? 'error'] = interned
      ? [interned.messageId, diagnostic === DIAGNOSTIC.invalidOpenApi ? `${capitalise(interned.message)}.` : interned.message]
      : unsafe !== undefined
        ? ['unsafe', unsafe]
        : diagnosticMessage(ruleId, result.message);
    const source = result.source ?? rootSource;
    return {
      ruleId,
      messageId,
      // A finding the rule marks as at most so severe is never more severe than that.
      severity: interned?.atMost && severityRank(interned.atMost) > severityRank(severity) ? interned.atMost : severity,
      message: restoreKeys(message),
      source,
      path: result.path.map(restoreKeys),
      range: diagnostic === DIAGNOSTIC.unresolvedRef && source !== rootSource ? this.rangeInReferencedFile(source, result) : result.range,
      // Set by the caller, which has the document.
      nodeHash: '',
      ...(interned?.related
        ? {
            related: interned.related.map((place) => ({
              source: place.source ?? rootSource,
              path: place.path.map(restoreKeys),
              range: place.range,
              message: restoreKeys(place.message),
            })),
          }
        : {}),
    };
  }

  /** Spectral computes a resolver error's range in the root document even when the `$ref` is in another file. */
  private rangeInReferencedFile(source: string, result: ISpectralDiagnostic): ISpectralDiagnostic['range'] {
    return this.referencedDocument(source)?.getRangeForJsonPath(result.path, true) ?? result.range;
  }

  /** A file read through a `$ref`, parsed on first need. */
  private referencedDocument(source: string): IDocument | undefined {
    const file = this.referencedFiles.get(source);
    if (file === undefined) return undefined;
    file.document ??= parseDocument(source, file.text);
    return file.document;
  }
}

/**
 * Spectral's parsers, with two changes for speed. No `preserveKeyOrder`, which wraps every object in a Proxy to keep
 * integer-like keys in source order: every later read of the document goes through it, and resolving and linting
 * GitHub's description took 40% longer (no finding depends on key order: findings are sorted, and baseline hashes
 * sort member names). And findings are placed through indexed lookups (see locations.ts), with the same results.
 */
const JSON_PARSER: typeof JsonParser = {
  ...JsonParser,
  parse: (text) => parseJson(text, { ignoreDuplicateKeys: false, preserveKeyOrder: false }),
  getLocationForJsonPath: jsonLocation,
};
const YAML_PARSER: typeof YamlParser = {
  ...YamlParser,
  parse: parseYaml,
  getLocationForJsonPath: yamlLocation,
};

/** The finding for a problem with a suppression. */
export function suppressionFinding(
  ruleId: typeof DIAGNOSTIC.invalidSuppression | typeof DIAGNOSTIC.unusedSuppression,
  problem: SuppressionProblem,
): EngineFinding {
  const { source, messageId, message, path, range } = problem;
  return { ruleId, messageId, severity: diagnostics[ruleId].severity, message, source, path, range, nodeHash: nodeHash(message) };
}

function parseDocument(source: string, text: string): IDocument {
  const json = isJson(source, text);
  const safeText = withSafeKeys(text, json);
  return json ? new Document(safeText, JSON_PARSER, source) : new Document(safeText, YAML_PARSER, source);
}

/** Why parsed data is not an OpenAPI document oasguard can lint, or undefined when it is one. */
function notOpenApiReason(data: unknown): string | undefined {
  if (!isMapping(data)) return 'the top level is not a mapping';
  // A version that is not a scalar (`openapi: {toString: []}`) cannot even be turned into a string.
  const version = (value: unknown) => (value === null || typeof value !== 'object' ? String(value) : JSON.stringify(value));
  const { openapi, swagger } = data;
  if (openapi !== undefined) {
    return typeof openapi === 'string' && /^3\.[012]\.\d+$/.test(openapi)
      ? undefined
      : `unsupported version "openapi: ${version(openapi)}" (3.0.x, 3.1.x and 3.2.x are supported)`;
  }
  if (swagger !== undefined) {
    return typeof swagger === 'string' && swagger === '2.0'
      ? undefined
      : `unsupported version "swagger: ${version(swagger)}" (2.0 is supported)`;
  }
  return 'it has no "openapi" or "swagger" field';
}

/**
 * Whether a parser diagnostic means the parser gave up on part of the document, so rules would judge a fragment.
 * Errors do, but for duplicate keys (the last one wins, and is linted); warnings (tabs, keys that are not strings) do
 * not: the parser read on, and the rules run on what it read.
 */
function stopsRules(diagnostic: ISpectralDiagnostic): boolean {
  return SEVERITIES[diagnostic.severity] === 'error' && !DUPLICATE_KEY.test(diagnostic.message);
}

/**
 * The parsers' words (@stoplight/json's, and @stoplight/yaml's as yaml-parser.ts keeps them) for the two problems
 * oasguard words itself. A duplicate key: the last one wins, and is linted.
 */
const DUPLICATE_KEY = /^Duplicate key/;
/** A mapping key that is a sequence or a mapping: the YAML parser drops the whole entry (a scalar key is kept as a string). */
const COLLECTION_KEY = /^Mapping key must be a string scalar$/;

/**
 * Spectral's diagnostics for resolver errors (as spectral-core's formatResolverErrors words and places them), one for
 * every error rather than one per distinct message: each unresolvable ref is reported where it is.
 */
function resolverDiagnostics(document: IDocument, errors: readonly IResolveError[], root: string): ISpectralDiagnostic[] {
  const seen = new Set<string>();
  let refSites: Map<string, (string | number)[]> | undefined;
  return errors.flatMap((error) => {
    const missing = MISSING_IN_FILE.exec(error.message);
    // A pointer missing in another file: json-ref-resolver gives its path in that file; the ref is in this one.
    const site =
      missing && document.source
        ? (refSites ??= refsByTarget(document.data, document.source)).get(`${missing[2]}${missing[1]}`)
        : undefined;
    const path = [...(site ?? error.path), '$ref'];
    const source = site
      ? document.source!
      : error.uriStack.length > 0
        ? error.uriStack[error.uriStack.length - 1]
        : (document.source ?? undefined);
    const message = missing
      ? `${missing[1]} does not exist in ${shownTarget(missing[2], root)}`
      : error.message.replace(/^Error\s*:\s*/, '');
    const key = JSON.stringify([source, path, message]);
    if (seen.has(key)) return [];
    seen.add(key);
    const range = document.getRangeForJsonPath(path, true) ?? { start: DOCUMENT_START, end: DOCUMENT_START };
    return [{ code: 'invalid-ref', path, message, severity: 0, range, ...(source === undefined ? {} : { source }) }];
  });
}

/** The YAML parser's words for a key that is a number, a boolean or null (`200:`), which it reads as a string. */
const NON_STRING_KEY = /^Mapping key must be a string scalar rather than /;

/**
 * Unquoted response codes (`200:`) are common in real Swagger 2.0 files, and the parser reads them as the strings
 * they should be: the document is linted as usual, and the keys are one `invalid-openapi` warning for the document,
 * with every place related, instead of a parse error per key (178 in Dropbox's description).
 */
function foldNonStringKeys(findings: EngineFinding[]): EngineFinding[] {
  const keys = findings.filter((finding) => finding.ruleId === DIAGNOSTIC.parseError && NON_STRING_KEY.test(finding.message));
  if (keys.length === 0) return findings;
  const [first] = keys;
  const message =
    keys.length === 1
      ? "A mapping key is not a string (a response code such as 200:); quote it: '200':."
      : `${keys.length} mapping keys are not strings (response codes such as 200:); quote them: '200':.`;
  const folded: EngineFinding = {
    ...first,
    ruleId: DIAGNOSTIC.invalidOpenApi,
    messageId: 'nonStringKeys',
    severity: 'warn',
    message,
    related: keys.map(({ source, path, range }) => ({ source, path, range, message: path.map(String).join('/') })),
  };
  return [...findings.filter((finding) => !keys.includes(finding)), folded];
}

/** json-ref-resolver's words for a pointer missing in the file or URL a ref reads. */
const MISSING_IN_FILE = /^'(#[^']*)' does not exist @ '(.*)'$/;

/** The `$ref`s of a document by the absolute file (or URL) and pointer they name, with where each stands. */
function refsByTarget(data: unknown, source: string): Map<string, (string | number)[]> {
  const sites = new Map<string, (string | number)[]>();
  const pending: { node: unknown; path: (string | number)[] }[] = [{ node: data, path: [] }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const [file, fragment = ''] = ref.split('#');
      const target = refTarget(file, source);
      if (!sites.has(`${target}#${fragment}`)) sites.set(`${target}#${fragment}`, path);
    }
    for (const [key, child] of Object.entries(node))
      pending.push({ node: child, path: [...path, Array.isArray(node) ? Number(key) : key] });
  }
  return sites;
}

/** A file as users see it (relative to the root), or a URL as a URL (the resolver's URIs lose a slash: `https:/x`). */
function shownTarget(target: string, root: string): string {
  const url = /^(https?):\/+(.*)$/i.exec(target);
  if (url) return `${url[1]}://${url[2]}`;
  return isInside(root, target) ? relative(root, target).split(sep).join('/') : target;
}

/** Message id, text and severity for diagnostics Spectral words itself (parser and resolver errors). */
function diagnosticMessage(ruleId: string, message: string): [string, string, Severity?] {
  if (ruleId === DIAGNOSTIC.parseError) {
    if (DUPLICATE_KEY.test(message)) return ['duplicateKey', `${message}.`];
    // Part of the document is missing from what the rules see: the lint is incomplete, so it fails.
    if (COLLECTION_KEY.test(message))
      return ['collectionKey', 'A mapping key must be a string, not a sequence or mapping: this entry is dropped and not linted.', 'error'];
    return ['syntax', `${capitalise(message)}.`];
  }
  if (ruleId === DIAGNOSTIC.unresolvedRef) return ['unresolved', `Cannot resolve $ref: ${message.replace(/\.$/, '')}.`];
  return ['spectral', message];
}

const DOCUMENT_START = { line: 0, character: 0 };

/** A diagnostic that no parser placed: at a 0-based position, the document's start by default. */
function diagnosticAt(source: string, ruleId: DiagnosticId, messageId: string, message: string, start = DOCUMENT_START): EngineFinding {
  return {
    ruleId,
    messageId,
    severity: diagnostics[ruleId].severity,
    message,
    source,
    path: [],
    range: { start, end: start },
    nodeHash: nodeHash(message),
  };
}

function rangeIn(document: IDocument, path: (string | number)[]): ISpectralDiagnostic['range'] {
  return document.getRangeForJsonPath(path, true) ?? { start: DOCUMENT_START, end: DOCUMENT_START };
}

/** The outcome for a file that is not UTF-8 text: a parse error where the first invalid byte is. */
export function undecodable(source: string, error: EncodingError): DocumentOutcome {
  const finding = diagnosticAt(source, DIAGNOSTIC.parseError, 'encoding', error.message, { line: error.line, character: error.column });
  return { kind: 'unparsable', looksLikeOpenApi: false, findings: [finding] };
}

const BINARY_TAG = /!!binary\b|!<tag:yaml\.org,2002:binary>/;

/** The parse error for a text the parser threw on, at the binary tag that makes the YAML parser throw when there is one. */
function parserCrash(source: string, text: string, error: unknown): EngineFinding {
  const binary = BINARY_TAG.exec(text);
  if (binary)
    return diagnosticAt(
      source,
      DIAGNOSTIC.parseError,
      'binaryTag',
      'The !!binary tag is not supported in an OpenAPI document; give the data as a base64 string.',
      positionAt(text, binary.index),
    );
  return diagnosticAt(source, DIAGNOSTIC.parseError, 'parserFailed', `The parser failed on this document: ${errorText(error)}.`);
}

/**
 * The outcome for a document whose lint threw: a bug, or a document beyond what the libraries handle. It is an
 * internal-error finding on that document, so that one bad file never takes the other files' reports with it.
 */
export function failedDocument(source: string, error: unknown): DocumentOutcome {
  return {
    kind: 'failed',
    looksLikeOpenApi: true,
    findings: [diagnosticAt(source, DIAGNOSTIC.internalError, 'failed', `oasguard could not lint this document: ${errorText(error)}.`)],
  };
}

function errorText(error: unknown): string {
  return errorMessage(error).split('\n')[0].replace(/\.$/, '');
}

function emptyDocument(source: string): EngineFinding {
  return diagnosticAt(source, DIAGNOSTIC.parseError, 'empty', 'The document is empty.');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
