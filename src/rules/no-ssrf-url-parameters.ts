import { defineRule, PathSegment, RuleContext } from './define-rule';
import { nameWords } from './support/names';
import { isFreeText, isObject, JsonObject, valueSchemaOf } from './support/openapi';
import { documentMemo, requestBodySchemaAt, walkSchemas } from './support/request-schemas';

/** Words that, anywhere in an input's name, say it holds a URL the server will call or send users to. */
const URL_WORDS = new Set(['callback', 'webhook', 'redirect']);
/** Words that say so as the last word: `avatar_url`, `imageUri`, `returnHref`. */
const URL_SUFFIXES = new Set(['url', 'uri', 'href']);

/** Whether an input name says it carries a URL to fetch or redirect to. */
export function namesUrl(name: string): boolean {
  const words = nameWords(name);
  return words.some((word) => URL_WORDS.has(word)) || URL_SUFFIXES.has(words[words.length - 1]);
}

/** Last words that make a URL-sounding name describe something else: `callbackMethod`, `StatusCallbackEvent`, `redirectStatusCode`. */
const NOT_URL_LAST_WORDS = new Set([
  'method',
  'methods',
  'event',
  'events',
  'code',
  'status',
  'type',
  'types',
  'id',
  'ids',
  'name',
  'enabled',
  'count',
  'timeout',
]);
/** JSONP's function-name parameters, which are not URLs. */
const JSONP_NAMES = new Set(['callback', 'jsonp', 'jsoncallback']);
/** HAL and JSON:API link members: links to the API's own resources. */
const LINK_NAMES = new Set(['links', '_links', 'href']);
const URL_FORMATS = new Set(['uri', 'url', 'uri-reference', 'iri', 'iri-reference']);

/**
 * Whether an input (its name and, when declared, its schema) takes a URL the server may fetch or redirect to: a
 * URL-named string that is not a boolean, number, enum, read-only value or HTTP method, and not a JSONP callback
 * name unless declared `format: uri`.
 */
export function takesUrl(name: string, schema: JsonObject | undefined): boolean {
  if (!namesUrl(name)) return false;
  if (schema && (!isFreeText(schema) || schema.readOnly === true || schema.format === 'http-method')) return false;
  const words = nameWords(name);
  if (NOT_URL_LAST_WORDS.has(words[words.length - 1])) return false;
  const declaredUrl = typeof schema?.format === 'string' && URL_FORMATS.has(schema.format.toLowerCase());
  return declaredUrl || !JSONP_NAMES.has(name.toLowerCase());
}

type MessageId = 'urlParameter' | 'urlProperty';

function checkParameter(parameter: JsonObject, context: RuleContext<undefined, MessageId>): void {
  if (typeof parameter.name === 'string' && parameter.in !== 'header' && takesUrl(parameter.name, valueSchemaOf(parameter))) {
    context.report('urlParameter', { at: ['name'], data: { name: parameter.name } });
  }
}

const ID = 'no-ssrf-url-parameters';

/** Reports the request-body properties that take a URL, in the body schema and every schema it holds but link objects. */
function checkBodyProperties(body: { schema: JsonObject; at: PathSegment[] }, context: RuleContext<undefined, MessageId>): void {
  walkSchemas(
    body.schema,
    body.at,
    (visited) => {
      if (!isObject(visited.schema.properties) || insideLinks(visited.at)) return;
      for (const [name, property] of Object.entries(visited.schema.properties)) {
        if (LINK_NAMES.has(name) || !takesUrl(name, isObject(property) ? property : undefined)) continue;
        context.report('urlProperty', { at: [...visited.at, 'properties', name], data: { name } });
      }
    },
    documentMemo(context.root, ID),
  );
}

/** Whether a schema path runs through a `links` or `_links` property. */
function insideLinks(path: readonly PathSegment[]): boolean {
  return path.some((segment, index) => path[index - 1] === 'properties' && typeof segment === 'string' && LINK_NAMES.has(segment));
}

export default defineRule<undefined, MessageId>({
  id: ID,
  severity: 'info',
  description: 'Inputs that carry a URL for the server to fetch or redirect to are listed for review.',
  rationale:
    'A server that fetches a client-supplied URL (webhooks, callbacks, avatar or import URLs) can be made to reach ' +
    'internal services and cloud metadata endpoints; one that redirects to it becomes an open redirect. Such inputs ' +
    'need an allow-list of schemes, hosts and ports, enforced after DNS resolution. Parameters and request-body ' +
    'properties whose names contain `callback`, `webhook` or `redirect`, or end in `url`, `uri` or `href`, are ' +
    'listed (headers are not: clients seldom choose them freely). The schema is read too: booleans, numbers, ' +
    'enums, read-only values and `format: http-method` are not URLs, nor are names ending in `Method`, `Event`, ' +
    '`StatusCode` or `Id`, JSONP `callback` names (unless `format: uri`), or HAL `_links`/`links`/`href` members.',
  sources: [
    'OWASP API Security Top 10 2023 API7 (Server Side Request Forgery)',
    'OWASP Server-Side Request Forgery Prevention Cheat Sheet',
    'OWASP Unvalidated Redirects and Forwards Cheat Sheet',
  ],
  owasp: 'API7:2023',
  cwe: [918, 601],
  fix: 'Validate the URL against an allow-list (scheme, host, port), resolve and check the address before connecting, and document the constraint (`format: uri`, `pattern`).',
  precision: 'medium',
  messages: {
    urlParameter: 'Parameter "{{name}}" takes a URL the server may fetch or redirect to; check it against an allow-list.',
    urlProperty: 'Request property "{{name}}" takes a URL the server may fetch or redirect to; check it against an allow-list.',
  },
  visit: {
    Parameter(parameter, context) {
      // A Swagger 2.0 body parameter names no URL itself: the properties of its schema do.
      const body = requestBodySchemaAt(parameter, context.root);
      if (body) checkBodyProperties(body, context);
      else if (parameter.in !== 'body') checkParameter(parameter, context);
    },
    RequestBodyContent(mediaType, context) {
      const body = requestBodySchemaAt(mediaType, context.root);
      if (body) checkBodyProperties(body, context);
    },
  },
});
