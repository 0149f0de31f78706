import { defineRule } from './define-rule';
import { keyOf } from './support/openapi';

export default defineRule({
  id: 'no-api-key-in-query',
  severity: 'error',
  description: 'API keys must not be sent in the query string.',
  rationale:
    'Query strings are written to server, proxy and CDN access logs, kept in browser history and leaked in ' +
    '`Referer` headers, so a key sent there is effectively published to everyone who can read those.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication): credentials in URLs',
    'NCSC API security guidance: do not put secrets in URLs',
  ],
  owasp: 'API2:2023',
  cwe: [598],
  fix: 'Send the key in a header (`in: header`), or use OAuth 2.0 instead of API keys.',
  messages: {
    inQuery: 'Security scheme "{{name}}" sends its API key in the query string.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      if (scheme.type === 'apiKey' && scheme.in === 'query') context.report('inQuery', { at: ['in'], data: { name: keyOf(context.path) } });
    },
  },
});
