import { defineRule } from './define-rule';
import { nameWords } from './support/names';
import { isObject, parameterSchemaAt } from './support/openapi';

/** Words that name a credential wherever they stand in a parameter name. */
const CREDENTIAL_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'apikey',
  'credential',
  'credentials',
  'authorization',
  'jsessionid',
]);
/** Two-word names of credentials: api key, access key, private key, session id. */
const CREDENTIAL_PAIRS = [
  ['api', 'key'],
  ['access', 'key'],
  ['private', 'key'],
  ['session', 'id'],
];
/** Words before `token` that make it a pagination cursor rather than a credential. */
const CURSOR_WORDS = new Set([
  'page',
  'next',
  'prev',
  'previous',
  'continuation',
  'cursor',
  'sync',
  'pagination',
  'resume',
  'start',
  'end',
]);

/** Whether a parameter name says it carries a credential; see the rule's rationale for the word rules. */
export function namesCredential(name: string): boolean {
  const words = nameWords(name);
  if (words.some((word) => CREDENTIAL_WORDS.has(word))) return true;
  if (CREDENTIAL_PAIRS.some(([first, second]) => words.some((word, i) => word === first && words[i + 1] === second))) return true;
  const last = words.length - 1;
  return words[last] === 'token' && !CURSOR_WORDS.has(words[last - 1]);
}

export default defineRule({
  id: 'no-credentials-in-url',
  severity: 'error',
  description: 'Query and path parameters must not carry credentials (passwords, secrets, tokens, API keys).',
  rationale:
    'URLs end up in server, proxy and CDN logs, browser history and `Referer` headers, so a credential in a query or ' +
    'path parameter leaks. Names are split into words (camelCase, snake_case, kebab-case) and matched ' +
    'case-insensitively on those words, not on substrings: `password`, `secret`, `apiKey`/`api_key`/`api-key`, ' +
    '`access_key`, `private_key`, `session_id`, `authorization` and `credentials` anywhere in the name; `token` only ' +
    'as the last word (so `tokenCount` is not flagged) and not after a pagination word (so `page_token`, ' +
    '`next_token` and `continuation_token` cursors are not flagged, while `access_token`, `id_token` and `token` are).',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication): credentials in URLs',
    'OWASP REST Security Cheat Sheet: sensitive information in HTTP requests',
    'RFC 6750 §5.3: bearer tokens SHOULD NOT be passed in page URLs',
  ],
  owasp: 'API2:2023',
  cwe: [598],
  fix: 'Send credentials in a header declared as a security scheme, or in the request body of a POST.',
  precision: 'medium',
  messages: {
    credentialInUrl: 'The {{location}} parameter "{{name}}" carries a credential in the URL.',
  },
  visit: {
    Parameter(parameter, context) {
      if (parameter.in === 'querystring') {
        // OpenAPI 3.2: one parameter describes the whole query string; its schema's properties are the query's names.
        const query = parameterSchemaAt(parameter);
        const properties = query && isObject(query.schema.properties) ? query.schema.properties : {};
        for (const name of Object.keys(properties)) {
          if (namesCredential(name))
            context.report('credentialInUrl', { at: [...query!.at, 'properties', name], data: { name, location: 'query' } });
        }
        return;
      }
      if ((parameter.in !== 'query' && parameter.in !== 'path') || typeof parameter.name !== 'string') return;
      if (namesCredential(parameter.name)) {
        context.report('credentialInUrl', { at: ['name'], data: { name: parameter.name, location: parameter.in } });
      }
    },
  },
});
