import { defineRule, PathSegment } from './define-rule';
import { Gap, OperationAt, operationsOf, reportDocumentGap } from './support/gaps';
import { acceptsAnything, BINARY_MEDIA, isObject, isSwagger2, operationLabel, responsesOf } from './support/openapi';

type MessageId = 'missing' | 'empty' | 'none';

/** Success statuses that may carry a body: every 2xx (and `2XX`) but 204 No Content and 205 Reset Content. */
const SUCCESS_WITH_BODY = /^2(\d\d|XX)$/i;
const NO_BODY = new Set(['204', '205']);

/** A success response body that a rule judges, and what it lacks (nothing, when it has a schema). */
interface Body extends Gap {
  lacks?: MessageId;
  data: { status: string; mediaType: string; operation: string };
}

/** The bodies of an operation's success responses, each with the schema it lacks, if any. */
function bodiesOf({ operation, path }: OperationAt, swagger2: boolean): Body[] {
  if (String(path[path.length - 1]).toLowerCase() === 'head') return [];
  return Object.entries(responsesOf(operation)).flatMap(([status, response]) => {
    if (!SUCCESS_WITH_BODY.test(status) || NO_BODY.has(status) || !isObject(response)) return [];
    const at = [...path, 'responses', status];
    const body = (mediaType: string, bodyAt: PathSegment[], lacks: MessageId | undefined): Body => ({
      path: bodyAt,
      label: `${operationLabel(path)} ${status}`,
      lacks,
      data: { status, mediaType, operation: operationLabel(path) },
    });
    // A Swagger 2.0 response without `schema` declares no body: nothing to review.
    if (swagger2)
      return isObject(response.schema) ? [body('body', [...at, 'schema'], acceptsAnything(response.schema) ? 'empty' : undefined)] : [];
    if (!isObject(response.content)) return [];
    return Object.entries(response.content).flatMap(([mediaType, media]) => {
      // A key that is no media type (`token`, `x-example`) is a misplaced example, not a body to judge.
      if (!mediaType.includes('/') || BINARY_MEDIA.test(mediaType) || !isObject(media)) return [];
      const mediaAt = [...at, 'content', mediaType];
      if (!isObject(media.schema)) return [body(mediaType, mediaAt, 'missing')];
      return [body(mediaType, [...mediaAt, 'schema'], acceptsAnything(media.schema) ? 'empty' : undefined)];
    });
  });
}

export default defineRule<undefined, MessageId>({
  id: 'require-response-schema',
  severity: 'warn',
  description: 'Every successful (2xx) response with a body must declare a schema for it.',
  rationale:
    "What an API returns is where excessive data exposure happens: internal fields, other users' data, secrets " +
    'serialized with the object. A reviewer can only judge that, and a gateway can only filter it, against a ' +
    'declared outbound contract; a response without a schema returns whatever the backend serializes. Checked: ' +
    'the media types of 2xx responses (204 and 205 have no body, HEAD operations return none) and Swagger 2.0 ' +
    'response schemas that constrain nothing. Media types that are bytes by nature (`application/octet-stream`, ' +
    '`image/*`, `audio/*`, `video/*`, fonts, PDF, office documents and archives) are not judged.',
  sources: [
    'OWASP API Security Top 10 2023 API3 (Broken Object Property Level Authorization): excessive data exposure',
    'OWASP REST Security Cheat Sheet: validate content types, send only what the client needs',
  ],
  owasp: 'API3:2023',
  cwe: [213],
  fix: 'Declare a `schema` listing the properties the response returns (a `$ref` to a component), with `additionalProperties: false` where the contract is closed.',
  messages: {
    missing: 'The {{status}} response of {{operation}} returns {{mediaType}} without a schema: what it exposes cannot be reviewed.',
    empty: 'The schema of the {{status}} response ({{mediaType}}) of {{operation}} constrains nothing: any data can be returned.',
    none: 'None of the {{count}} success responses with a body declares a schema that constrains it: what the API exposes cannot be reviewed.',
  },
  visit: {
    Document(root, context) {
      const bodies = operationsOf(root).flatMap((operation) => bodiesOf(operation, isSwagger2(root)));
      const lacking = bodies.filter((body) => body.lacks !== undefined);
      for (const { path, lacks, data } of reportDocumentGap(context, lacking, bodies.length, 'none')) {
        if (lacks) context.report(lacks, { at: path, data });
      }
    },
  },
});
