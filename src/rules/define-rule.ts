import type { JSONSchema7 } from 'json-schema';
import { docsUrlFor } from '../shared/meta';
import type { OwaspCategory, Precision, RuleMeta } from '../shared/types';

/** A JSON path segment: an object key or an array index. */
export type PathSegment = string | number;

/** Values substituted into `{{placeholders}}` of a rule message. */
export type MessageData = Record<string, string | number>;

/** What a rule's check receives besides the matched node. */
export interface RuleContext<Options, MessageId extends string> {
  /** The whole document with every `$ref` resolved. */
  readonly root: unknown;
  /** Path of the matched node within `root`. */
  readonly path: readonly PathSegment[];
  /** The rule's options: its defaults merged with the ruleset's. */
  readonly options: Options;
  /** Reports a finding at the matched node, or at `at` below it. */
  report(messageId: MessageId, details?: { at?: readonly PathSegment[]; data?: MessageData }): void;
}

/** Rule options: a JSON schema the ruleset's values must match, and the defaults. */
export interface RuleOptionsSpec<Options> {
  schema: JSONSchema7;
  defaults: Options;
}

/** Everything that defines a rule: its metadata as data, where it looks, and its check. */
export interface RuleDefinition<Options, MessageId extends string> extends Omit<RuleMeta, 'docsUrl' | 'kind' | 'owasp' | 'precision'> {
  owasp: OwaspCategory;
  /** Default `high`: the rule reads what the document declares, not what names suggest. */
  precision?: Precision;
  /**
   * Where the rule looks in the resolved document: JSONPath expressions of fixed depth (`$`, `.name`, `[*]`,
   * `[a,b]`; see compileSelector). A rule that must search the whole document selects `$` and walks it once.
   */
  given: string[];
  messages: Record<MessageId, string>;
  options?: RuleOptionsSpec<Options>;
  check(node: unknown, context: RuleContext<Options, MessageId>): void;
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
