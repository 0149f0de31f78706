import { defineRule } from './define-rule';
import { asText, declaredByApiKeyScheme, keyOf, valueSchemaOf } from './support/openapi';

/**
 * Words that say a `key` is a credential: "API key", "application key", "your personal key"; not a project,
 * property or cache key. (Parameters named `api_key`, `apikey` and the like are no-credentials-in-url's.)
 */
const SAYS_API_KEY = /\b(?:api|application|app|developer|access|licen[cs]e|master|secret|subscription|personal)\s*[_-]?\s*key\b/i;

export default defineRule({
  id: 'no-api-key-in-query',
  severity: 'error',
  description: 'API keys must not be sent in the query string.',
  rationale:
    'Query strings are written to server, proxy and CDN access logs, kept in browser history and leaked in ' +
    '`Referer` headers, so a key sent there is effectively published to everyone who can read those. Reported: ' +
    'API key security schemes `in: query`, and query parameters named `key` whose description says they take an ' +
    "API key (Google's and Trello's `key`) even when no security scheme declares them.",
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication): credentials in URLs',
    'NCSC API security guidance: do not put secrets in URLs',
  ],
  owasp: 'API2:2023',
  cwe: [598],
  fix: 'Send the key in a header (`in: header`), or use OAuth 2.0 instead of API keys.',
  messages: {
    inQuery: 'Security scheme "{{name}}" sends its API key in the query string.',
    keyParameter: 'Query parameter "{{name}}" takes an API key, by its description: the key ends up in logs and Referer headers.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      if (scheme.type === 'apiKey' && scheme.in === 'query') context.report('inQuery', { at: ['in'], data: { name: keyOf(context.path) } });
    },
    Parameter(parameter, context) {
      if (parameter.in !== 'query' || asText(parameter.name).toLowerCase() !== 'key') return;
      const description = parameter.description ?? valueSchemaOf(parameter)?.description;
      if (
        typeof description === 'string' &&
        SAYS_API_KEY.test(description) &&
        !declaredByApiKeyScheme(context.root, 'query', asText(parameter.name))
      )
        context.report('keyParameter', { at: ['name'], data: { name: asText(parameter.name) } });
    },
  },
});
