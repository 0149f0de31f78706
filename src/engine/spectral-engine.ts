import { createRulesetFunction, Document, ISpectralDiagnostic, Ruleset, Spectral } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import type { RuleDefinition as SpectralRule, RulesetDefinition } from '@stoplight/spectral-core/dist/ruleset/types';
import { oas2, oas3, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import * as Parsers from '@stoplight/spectral-parsers';
import { oasDocumentSchema } from '@stoplight/spectral-rulesets/dist/oas/functions';
import type { IFunctionResult, RulesetFunction } from '@stoplight/spectral-core/dist/types/function';
import type { ResolvedRuleset } from '../config/ruleset';
import { UsageError } from '../errors';
import { renderMessage, Rule } from '../rules/define-rule';
import { findRule } from '../rules';
import { SEVERITIES, Severity } from '../types';
import { DiagnosticId } from './diagnostics';
import { restoreProtoKeys, withPlainProtoKeys } from './document-safety';
import { checkLimits, isJson } from './limits';
import { findRefLoops } from './ref-loops';
import { AccessPolicy, createConfinedResolver, EncodingError, UNSAFE_REF_MARK } from './resolver';

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
}

/** One document to lint: its absolute path (a made-up one for stdin) and its text. */
export interface SourceDocument {
  source: string;
  text: string;
}

/** What the engine says about a document. */
export type DocumentOutcome =
  | { kind: 'linted'; findings: EngineFinding[] }
  /** The document parsed but is not OpenAPI; the finding says why. */
  | { kind: 'not-openapi'; findings: EngineFinding[] }
  /** The document did not parse at all: only parse errors, and whether the text looks like OpenAPI. */
  | { kind: 'unparsable'; looksLikeOpenApi: boolean; findings: EngineFinding[] };

/**
 * Spectral's bundled OpenAPI 3.1 schema predates `$ref` in Path Items (allowed by the 3.1 spec), so it calls
 * `paths: {/x: {$ref: ...}}` invalid; those reports are dropped rather than passed on as false errors.
 */
const validateSchema: RulesetFunction = (input, options, context) => {
  let results: IFunctionResult[] | void;
  try {
    results = (oasDocumentSchema as RulesetFunction)(input, options, context) as IFunctionResult[] | void;
  } catch (error) {
    // It follows `$ref`s to word its messages, and throws on malformed ones (`$ref: []`): still a finding.
    return [{ message: `the document cannot be validated: ${error instanceof Error ? error.message : String(error)}`, path: [] }];
  }
  const paths = (input as { paths?: Record<string, unknown> } | null)?.paths;
  return results?.filter(({ path = [], message }) => {
    const pathItem = path.length === 2 && path[0] === 'paths' ? paths?.[String(path[1]).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return !(typeof pathItem === 'object' && pathItem !== null && '$ref' in pathItem && message.includes('unevaluated properties'));
  });
};

/** Spectral's rule names for the schema checks, reported as `invalid-openapi`. */
const SCHEMA_RULES = { 'oas2-schema': oas2, 'oas3-schema': oas3 } as const;

/** Spectral codes of its own diagnostics, and the oasguard diagnostic each becomes. */
const SPECTRAL_DIAGNOSTICS: Record<string, DiagnosticId> = {
  parser: 'parse-error',
  'invalid-ref': 'unresolved-ref',
  'oas2-schema': 'invalid-openapi',
  'oas3-schema': 'invalid-openapi',
};

const OPENAPI_KEY = /^\s*["']?(?:openapi|swagger)["']?\s*:/m;

/**
 * Spectral passes function messages through its template engine, which evaluates `#{{...}}` expressions;
 * messages quote document content, so Spectral only ever sees an opaque token and the text stays here.
 */
class MessageTable {
  private readonly tokens = new Map<string, string>();
  private readonly entries: { messageId: string; message: string }[] = [];

  intern(messageId: string, message: string): string {
    const key = `${messageId}\u0000${message}`;
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = `oasguard-message-${this.entries.length}`;
      this.tokens.set(key, token);
      this.entries.push({ messageId, message });
    }
    return token;
  }

  lookup(token: string): { messageId: string; message: string } | undefined {
    const match = /^oasguard-message-(\d+)$/.exec(token);
    return match ? this.entries[Number(match[1])] : undefined;
  }
}

/** Runs oasguard's rules through spectral-core, one document at a time. */
export class SpectralEngine {
  private readonly spectral: Spectral;
  private readonly messages = new MessageTable();
  /** Referenced files by path, parsed on first need, to place errors found in them (Spectral places them in the root). */
  private readonly referencedFiles = new Map<string, { text: string; document?: IDocument }>();

  constructor(ruleset: ResolvedRuleset, private readonly policy: AccessPolicy, countFile: () => void) {
    const resolver = createConfinedResolver(policy, (href, text) => this.referencedFiles.set(href, { text }), countFile);
    this.spectral = new Spectral({ resolver });
    this.spectral.setRuleset(this.buildRuleset(ruleset));
  }

  /** Lints one document. Rule crashes propagate: they are bugs, not findings. */
  async lintDocument({ source, text }: SourceDocument): Promise<DocumentOutcome> {
    const violation = checkLimits(text, isJson(source, text), this.policy.limits);
    if (violation) {
      const finding = diagnosticAt(source, 'parse-error', violation.messageId, violation.message, { line: violation.line, character: violation.character });
      return { kind: 'unparsable', looksLikeOpenApi: OPENAPI_KEY.test(text), findings: [finding] };
    }
    const document = parseDocument(source, text);
    // Anything but duplicate keys means the parser gave up on part of the document: rules would judge a fragment.
    const fatal = document.diagnostics.filter((d) => !/^(Duplicate key|Mapping key must be a string)/.test(d.message));
    if (fatal.length > 0 || document.data === undefined) {
      const findings = fatal.length > 0 ? fatal.map((d) => this.toFinding(d, source)) : [emptyDocument(source)];
      return { kind: 'unparsable', looksLikeOpenApi: OPENAPI_KEY.test(text), findings };
    }
    const reason = notOpenApiReason(document.data);
    if (reason !== undefined) {
      return { kind: 'not-openapi', findings: [diagnosticAt(source, 'not-openapi', 'notOpenApi', `Not an OpenAPI document: ${reason}.`)] };
    }
    const results = await this.spectral.run(document);
    const loops = findRefLoops(document.data).map(({ path, pointers }): EngineFinding => ({
      ruleId: 'unresolved-ref',
      messageId: 'loop',
      severity: 'error',
      message: restoreProtoKeys(`$ref loop: ${pointers.join(' -> ')} never reaches a definition.`),
      source,
      path: path.map(restoreProtoKeys),
      range: document.getRangeForJsonPath(path, true) ?? { start: DOCUMENT_START, end: DOCUMENT_START },
    }));
    return { kind: 'linted', findings: [...results.map((result) => this.toFinding(result, source)), ...loops] };
  }

  private buildRuleset(ruleset: ResolvedRuleset): Ruleset {
    const rules: Record<string, SpectralRule> = {};
    for (const [name, format] of Object.entries(SCHEMA_RULES)) {
      rules[name] = {
        given: '$',
        formats: [format],
        resolved: false,
        severity: 'error',
        message: '{{error}}',
        then: { function: this.tokenized('invalid', validateSchema) },
      };
    }
    for (const [id, settings] of ruleset.rules) {
      const rule = findRule(id);
      if (!rule) continue;
      rules[id] = {
        // Spectral runs a rule once per expression that matches a node: an expression listed twice runs it twice.
        given: [...new Set(rule.given)],
        severity: settings.severity,
        resolved: true,
        message: '{{error}}',
        then: {
          function: this.ruleFunction(rule),
          ...(rule.options ? { functionOptions: { ...(rule.options.defaults as object), ...settings.options } } : {}),
        },
      };
    }
    const definition: RulesetDefinition = { formats: [oas2, oas3, oas3_0, oas3_1], rules };
    try {
      return new Ruleset(definition);
    } catch (error) {
      // Spectral validates rule options against each rule's schema; its message names rule and problem.
      throw new UsageError(`Invalid ruleset ${ruleset.name}: ${flattenErrors(error)}`);
    }
  }

  private ruleFunction(rule: Rule): RulesetFunction {
    const { messages } = this;
    const check: RulesetFunction = (target, options, context) => {
      const results: IFunctionResult[] = [];
      rule.check(target, {
        // IDocumentInventory does not declare `resolved`, which Spectral's DocumentInventory always has.
        root: (context.documentInventory as unknown as { resolved: unknown }).resolved,
        path: context.path,
        options,
        report(messageId, { at = [], data } = {}) {
          const message = renderMessage((rule.messages as Record<string, string>)[messageId], data);
          results.push({ message: messages.intern(messageId, message), path: [...context.path, ...at] });
        },
      });
      return results;
    };
    // Spectral names the function in option errors: make that the rule id.
    Object.defineProperty(check, 'name', { value: rule.id });
    return createRulesetFunction<unknown, unknown>({ input: null, options: rule.options?.schema ?? null }, check);
  }

  /** Wraps a Spectral function so that its messages, which may quote the document, go through the table. */
  private tokenized(messageId: string, fn: RulesetFunction): RulesetFunction {
    const { messages } = this;
    return function oasguardDiagnostic(target, options, context) {
      const results = fn(target, options, context) as IFunctionResult[] | void;
      return results?.map((result) => ({ ...result, message: messages.intern(messageId, result.message) }));
    };
  }

  private toFinding(result: ISpectralDiagnostic, rootSource: string): EngineFinding {
    const code = String(result.code);
    const diagnostic = SPECTRAL_DIAGNOSTICS[code];
    const interned = this.messages.lookup(result.message);
    const unsafe = diagnostic === 'unresolved-ref' && result.message.startsWith(UNSAFE_REF_MARK);
    const ruleId = unsafe ? 'unsafe-ref' : (diagnostic ?? code);
    const [messageId, message] = interned
      ? [interned.messageId, diagnostic === 'invalid-openapi' ? `${capitalise(interned.message)}.` : interned.message]
      : unsafe
        ? ['unsafe', result.message.slice(UNSAFE_REF_MARK.length)]
        : diagnosticMessage(ruleId, result.message);
    const source = result.source ?? rootSource;
    return {
      ruleId,
      messageId,
      severity: SEVERITIES[result.severity] ?? 'error',
      message: restoreProtoKeys(message),
      source,
      path: result.path.map(restoreProtoKeys),
      range: diagnostic === 'unresolved-ref' && source !== rootSource ? this.rangeInReferencedFile(source, result) : result.range,
    };
  }

  /** Spectral computes a resolver error's range in the root document even when the `$ref` is in another file. */
  private rangeInReferencedFile(source: string, result: ISpectralDiagnostic): ISpectralDiagnostic['range'] {
    const file = this.referencedFiles.get(source);
    if (file === undefined) return result.range;
    file.document ??= parseDocument(source, file.text);
    return file.document.getRangeForJsonPath(result.path, true) ?? result.range;
  }
}

function parseDocument(source: string, text: string): IDocument {
  const safeText = withPlainProtoKeys(text);
  return isJson(source, text) ? new Document(safeText, Parsers.Json, source) : new Document(safeText, Parsers.Yaml, source);
}

/** Why parsed data is not an OpenAPI document oasguard can lint, or undefined when it is one. */
function notOpenApiReason(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the top level is not a mapping';
  const { openapi, swagger } = data as Record<string, unknown>;
  if (openapi !== undefined) {
    return /^3\.[01]\.\d+$/.test(String(openapi)) ? undefined : `unsupported version "openapi: ${String(openapi)}" (3.0.x and 3.1.x are supported)`;
  }
  if (swagger !== undefined) {
    return String(swagger) === '2.0' ? undefined : `unsupported version "swagger: ${String(swagger)}" (2.0 is supported)`;
  }
  return 'it has no "openapi" or "swagger" field';
}

/** Message id and text for diagnostics Spectral words itself (parser and resolver errors). */
function diagnosticMessage(ruleId: string, message: string): [string, string] {
  if (ruleId === 'parse-error') {
    return message.startsWith('Duplicate key') ? ['duplicateKey', `${message}.`] : ['syntax', `${capitalise(message)}.`];
  }
  if (ruleId === 'unresolved-ref') return ['unresolved', `Cannot resolve $ref: ${message.replace(/\.$/, '')}.`];
  return ['spectral', message];
}

const DOCUMENT_START = { line: 0, character: 0 };

/** A diagnostic that no parser placed: at a 0-based position, the document's start by default. */
function diagnosticAt(source: string, ruleId: DiagnosticId, messageId: string, message: string, start = DOCUMENT_START): EngineFinding {
  return { ruleId, messageId, severity: 'error', message, source, path: [], range: { start, end: start } };
}

/** The outcome for a file that is not UTF-8 text: a parse error where the first invalid byte is. */
export function undecodable(source: string, error: EncodingError): DocumentOutcome {
  const finding = diagnosticAt(source, 'parse-error', 'encoding', error.message, { line: error.line, character: error.column });
  return { kind: 'unparsable', looksLikeOpenApi: false, findings: [finding] };
}

function emptyDocument(source: string): EngineFinding {
  return diagnosticAt(source, 'parse-error', 'empty', 'The document is empty.');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Spectral throws AggregateErrors for rulesets; users want each problem, on one line. */
function flattenErrors(error: unknown): string {
  const errors = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(flattenErrors).join('; ');
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^"([^"]+)" function /, 'rule "$1" ');
}
