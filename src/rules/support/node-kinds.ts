import { OPERATION_RESPONSES, OPERATIONS, PARAMETERS, SECURITY_REQUIREMENTS, SECURITY_SCHEMES, underOperations } from './openapi';
import { REQUEST_INPUT_ROOTS } from './request-schemas';

/**
 * The kinds of OpenAPI node a rule can visit, each with the JSONPath expressions that select it in every version
 * (Swagger 2.0, OpenAPI 3.0, 3.1 and 3.2). A visitor is only given nodes that are objects: a rule never checks what
 * it was handed.
 */
export const NODE_KINDS = {
  /** The document itself. */
  Document: ['$'],
  /** Every Operation Object: the method fields of Path Items, and 3.2's `additionalOperations`. */
  Operation: OPERATIONS,
  /** The Responses Object of every operation. */
  OperationResponses: OPERATION_RESPONSES,
  /** Every Parameter Object: path-item and operation level, OpenAPI 3 components and Swagger 2.0 root `parameters`. */
  Parameter: PARAMETERS,
  /** What a request carries: request-body media types (3.x) and the parameters operations use (body ones in 2.0). */
  RequestInput: REQUEST_INPUT_ROOTS,
  /** The media types of every operation's request body (OpenAPI 3). */
  RequestBodyContent: underOperations('.requestBody.content[*]'),
  /** Every Security Requirement Object: the root's and the operations'. */
  SecurityRequirement: SECURITY_REQUIREMENTS,
  /** Every Security Scheme Object: OpenAPI 3 components and Swagger 2.0 `securityDefinitions`. */
  SecurityScheme: SECURITY_SCHEMES,
  /** Every Server Object: the root's, the path items' and the operations'. */
  Server: ['$.servers[*]', '$.paths[*].servers[*]', ...underOperations('.servers[*]')],
} satisfies Record<string, readonly string[]>;

/** A kind of node in {@link NODE_KINDS}. */
export type NodeKind = keyof typeof NODE_KINDS;

/** The JSONPath expressions a visitor's selector stands for: a node kind's, or the expression itself. */
export function expressionsOf(selector: string): readonly string[] {
  return Object.hasOwn(NODE_KINDS, selector) ? NODE_KINDS[selector as NodeKind] : [selector];
}
