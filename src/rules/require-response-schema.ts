import { defineRule, RuleContext } from './define-rule';
import { acceptsAnything, BINARY_MEDIA, isObject, isSwagger2, JsonObject, operationLabel, responsesOf } from './support/openapi';

type MessageId = 'missing' | 'empty';

/** Success statuses that may carry a body: every 2xx (and `2XX`) but 204 No Content and 205 Reset Content. */
const SUCCESS_WITH_BODY = /^2(\d\d|XX)$/i;
const NO_BODY = new Set(['204', '205']);

/** Reports the schema a success response's body lacks (or has, but constrains nothing). */
function checkResponse(response: JsonObject, at: (string | number)[], status: string, context: RuleContext<undefined, MessageId>): void {
  const data = (mediaType: string) => ({ status, mediaType, operation: operationLabel(context.path) });
  if (isSwagger2(context.root)) {
    // A Swagger 2.0 response without `schema` declares no body: nothing to review.
    if (isObject(response.schema) && acceptsAnything(response.schema)) {
      context.report('empty', { at: [...at, 'schema'], data: data('body') });
    }
    return;
  }
  if (!isObject(response.content)) return;
  for (const [mediaType, media] of Object.entries(response.content)) {
    // A key that is no media type (`token`, `x-example`) is a misplaced example, not a body to judge.
    if (!mediaType.includes('/') || BINARY_MEDIA.test(mediaType) || !isObject(media)) continue;
    if (!isObject(media.schema)) context.report('missing', { at: [...at, 'content', mediaType], data: data(mediaType) });
    else if (acceptsAnything(media.schema)) context.report('empty', { at: [...at, 'content', mediaType, 'schema'], data: data(mediaType) });
  }
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
  },
  visit: {
    Operation(operation, context) {
      if (String(context.path[context.path.length - 1]).toLowerCase() === 'head') return;
      for (const [status, response] of Object.entries(responsesOf(operation))) {
        if (!SUCCESS_WITH_BODY.test(status) || NO_BODY.has(status) || !isObject(response)) continue;
        checkResponse(response, ['responses', status], status, context);
      }
    },
  },
});
