import type { JSONSchema7 } from 'json-schema';
import { docsUrlFor } from '../shared/meta';
import type { OwaspCategory, Precision, RuleMeta, Severity } from '../shared/types';
import type { NodeKind } from './support/node-kinds';
import type { JsonObject } from './support/openapi';

/** A JSON path segment: an object key or an array index. */
export type PathSegment = string | number;

/** Values substituted into `{{placeholders}}` of a rule message. */
export type MessageData = Record<string, string | number>;

/** What a rule's visitor receives besides the node it visits. */
export interface RuleContext<Options, MessageId extends string> {
  /** The whole document with every `$ref` resolved. */
  readonly root: unknown;
  /** Path of the visited node within `root`. */
  readonly path: readonly PathSegment[];
  /** The rule's options: its defaults merged with the ruleset's. */
  readonly options: Options;
  /** Whether an `x-oasguard-ignore` suppresses this rule at `at` below the visited node (see isSuppressedAt). */
  isSuppressed(at: readonly PathSegment[]): boolean;
  /**
   * Reports a finding at the visited node, or at `at` below it. `related`: the places a finding that stands for many
   * is about, relative to the visited node like `at`. `atMost`: the most severe this finding may be, whatever the
   * rule's severity (a case the rule would otherwise overstate).
   */
  report(
    messageId: MessageId,
    details?: { at?: readonly PathSegment[]; data?: MessageData; related?: readonly RelatedPlace[]; atMost?: Severity },
  ): void;
}

/** A place a finding is about, below the visited node, and what is there in words. */
export interface RelatedPlace {
  at: readonly PathSegment[];
  message: string;
}

/** Rule options: a JSON schema the ruleset's values must match, and the defaults. */
export interface RuleOptionsSpec<Options> {
  schema: JSONSchema7;
  defaults: Options;
}

/**
 * Where a visitor looks: a kind of OpenAPI node (see NODE_KINDS), or a JSONPath expression of fixed depth (`$`,
 * `.name`, `[*]`, `[a,b]`; see compileSelector) for any other node. A rule that must search the whole document
 * visits `Document` and walks it once.
 */
export type Selector = NodeKind | `$${string}`;

/** A rule's handler for the nodes one selector picks; each is an object (never an array, a scalar or an unresolved `$ref`). */
// Declared as a method, whose parameters TypeScript compares bivariantly: a rule's visitors, typed with its own
// options and message ids, then fit the registry's `Rule` (as `check` methods did).
export type Visitor<Options, MessageId extends string> = {
  visit(node: JsonObject, context: RuleContext<Options, MessageId>): void;
}['visit'];

/** Everything that defines a rule: its metadata as data, and what it does where. */
export interface RuleDefinition<Options, MessageId extends string> extends Omit<RuleMeta, 'docsUrl' | 'kind' | 'owasp' | 'precision'> {
  owasp: OwaspCategory;
  /** Default `high`: the rule reads what the document declares, not what names suggest. */
  precision?: Precision;
  /**
   * Off in the recommended preset: a rule for APIs that must pin every input down, whose findings would flood
   * everyone else. It runs in strict, and at `severity` when a ruleset turns it on by name.
   */
  optIn?: true;
  messages: Record<MessageId, string>;
  options?: RuleOptionsSpec<Options>;
  /** One handler per selector, run on the resolved document. */
  visit: Partial<Record<Selector, Visitor<Options, MessageId>>>;
}

/** A rule as the engine and the docs see it. */
export interface Rule<Options = unknown, MessageId extends string = string> extends RuleDefinition<Options, MessageId> {
  docsUrl: string;
}

/** Declares a rule; the docs URL is derived from the id. */
export function defineRule<Options = undefined, MessageId extends string = string>(
  definition: RuleDefinition<Options, MessageId>,
): Rule<Options, MessageId> {
  return { ...definition, docsUrl: docsUrlFor(definition.id) };
}

/** Fills `{{name}}` placeholders from `data`; unknown placeholders are left visible to be caught in tests. */
export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : placeholder,
  );
}

/** The metadata of a rule, without its logic. */
export function ruleMeta(rule: Rule): RuleMeta {
  const { id, severity, description, rationale, sources, owasp, cwe, fix, docsUrl, precision = 'high' } = rule;
  return { id, kind: 'rule', severity, description, rationale, sources, owasp, cwe, fix, precision, docsUrl };
}
