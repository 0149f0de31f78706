import { defineRule, PathSegment, RuleContext } from './define-rule';
import { nameWords } from './support/names';
import { isObject, JsonObject } from './support/openapi';
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

type MessageId = 'urlParameter' | 'urlProperty';

function checkParameter(parameter: Record<string, unknown>, context: RuleContext<undefined, MessageId>): void {
  if (typeof parameter.name === 'string' && parameter.in !== 'header' && namesUrl(parameter.name)) {
    context.report('urlParameter', { at: ['name'], data: { name: parameter.name } });
  }
}

const ID = 'no-ssrf-url-parameters';

/** Reports the request-body properties that name a URL, in the body schema and every schema it holds. */
function checkBodyProperties(body: { schema: JsonObject; at: PathSegment[] }, context: RuleContext<undefined, MessageId>): void {
  walkSchemas(
    body.schema,
    body.at,
    (visited) => {
      if (!isObject(visited.schema.properties)) return;
      for (const name of Object.keys(visited.schema.properties)) {
        if (namesUrl(name)) context.report('urlProperty', { at: [...visited.at, 'properties', name], data: { name } });
      }
    },
    documentMemo(context.root, ID),
  );
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
    'listed (headers are not: clients seldom choose them freely).',
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
