import type { PathSegment, RuleContext } from '../define-rule';
import { HTTP_METHODS, isObject, isSwagger2, JsonObject, operationLabel, responsesAt, responsesOf } from './openapi';
import { withThousands } from '../../shared/numbers';

/** An operation, its path in the document, and the Path Item holding it (whose `parameters` it shares). */
export interface OperationAt {
  operation: JsonObject;
  path: PathSegment[];
  pathItem: JsonObject;
}

/**
 * Every Operation Object of a document, in document order: the method fields of each Path Item, and OpenAPI 3.2's
 * `additionalOperations` (what NODE_KINDS' `Operation` selects, for rules that judge the operations together).
 */
export function operationsOf(root: JsonObject): OperationAt[] {
  const operations: OperationAt[] = [];
  if (!isObject(root.paths)) return operations;
  for (const [route, pathItem] of Object.entries(root.paths)) {
    if (!isObject(pathItem)) continue;
    for (const [field, value] of Object.entries(pathItem)) {
      if ((HTTP_METHODS as readonly string[]).includes(field) && isObject(value))
        operations.push({ operation: value, path: ['paths', route, field], pathItem });
      if (field === 'additionalOperations' && isObject(value)) {
        for (const [method, operation] of Object.entries(value)) {
          if (isObject(operation)) operations.push({ operation, path: ['paths', route, field, method], pathItem });
        }
      }
    }
  }
  return operations;
}

/** A place that lacks what a rule asks for (an operation, a response), and its name in words. */
export interface Gap {
  path: PathSegment[];
  label: string;
}

/**
 * When two or more places lack what a rule asks for and none of the `applicable` ones has it, that is one gap with
 * one fix: reports one finding (`messageId`, at `paths`, or at the root of a Swagger 2.0 document) with the count in
 * `{{count}}` and each place as a related one. Places where an `x-oasguard-ignore` suppresses the rule are left out
 * of it, as exceptions. Returns the places the caller must still report one by one: the suppressed ones (to be
 * reported as suppressed), or all of them when the gap is not document-wide.
 */
export function reportDocumentGap<G extends Gap, MessageId extends string>(
  context: RuleContext<unknown, MessageId>,
  gaps: readonly G[],
  applicable: number,
  messageId: MessageId,
): readonly G[] {
  if (gaps.length !== applicable) return gaps;
  return reportTogether(context, gaps, { at: isSwagger2(context.root) ? [] : ['paths'], messageId, data: {} });
}

/** How many places a message names before it says how many more there are. */
const NAMED_PLACES = 5;

/**
 * Reports two or more places as one finding (`messageId` at `at`), with their count in `{{count}}`, the first few
 * of their labels in `{{places}}`, and each place as a related one. Places where an `x-oasguard-ignore` suppresses
 * the rule are left out, as exceptions. Returns the places the caller must report one by one: the suppressed ones
 * (to be reported as suppressed), or all of them when fewer than two are left.
 */
export function reportTogether<G extends Gap, MessageId extends string>(
  context: RuleContext<unknown, MessageId>,
  places: readonly G[],
  finding: { at: PathSegment[]; messageId: MessageId; data: Record<string, string> },
): readonly G[] {
  const open = places.filter(({ path }) => !context.isSuppressed(path));
  if (open.length < 2) return places;
  const named = open.slice(0, NAMED_PLACES).map(({ label }) => label);
  context.report(finding.messageId, {
    at: finding.at,
    data: {
      ...finding.data,
      count: withThousands(open.length),
      places: open.length > NAMED_PLACES ? `${named.join(', ')}, …` : named.join(', '),
    },
    related: open.map(({ path, label }) => ({ at: path, message: label })),
  });
  return places.filter((place) => !open.includes(place));
}

/**
 * Reports the operations `applies` to whose responses hold none of `statuses` (matched as written, and
 * case-insensitively for ranges such as `4XX`), at their `responses` map; see {@link reportDocumentGap}.
 */
export function reportMissingResponses<MessageId extends string>(
  context: RuleContext<unknown, MessageId>,
  root: JsonObject,
  applies: (operation: OperationAt) => boolean,
  statuses: readonly string[],
  messageId: MessageId,
  documentMessageId: MessageId,
): void {
  const applicable = operationsOf(root).filter(applies);
  const lacking = applicable.flatMap(({ operation, path }) => {
    const defined = new Set(Object.keys(responsesOf(operation)).map((status) => status.toUpperCase()));
    return statuses.some((status) => defined.has(status.toUpperCase())) ? [] : [{ operation, path, label: operationLabel(path) }];
  });
  for (const { operation, path, label } of reportDocumentGap(context, lacking, applicable.length, documentMessageId)) {
    context.report(messageId, { at: [...path, ...responsesAt(operation)], data: { operation: label } });
  }
}
