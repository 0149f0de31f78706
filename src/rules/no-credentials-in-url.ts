import { defineRule } from './define-rule';
import { namesCredential } from './support/credentials';
import { isFreeText, isObject, JsonObject, parameterSchemaAt, valueSchemaOf } from './support/openapi';

/** A description that says a token is a pagination cursor. */
const CURSOR_DESCRIPTION = /\b(paginat\w*|page of|next page|cursor|continuation|continue listing)\b/i;

/** Whether an input named like a credential can carry one: free text, not described as a pagination cursor. */
function canCarryCredential(schema: JsonObject | undefined, description: unknown): boolean {
  return isFreeText(schema) && !(typeof description === 'string' && CURSOR_DESCRIPTION.test(description));
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
    'as the last word (so `tokenCount` is not flagged) and not with a pagination word (so `page_token`, ' +
    '`next_token` and `ContinuationToken` cursors are not flagged, while `access_token`, `id_token` and `token` are). ' +
    'Names that describe or identify a credential are not one (`secretName`, `secret_type`, `apiKeyId`, ' +
    '`AccountSid`), except `session_id`; nor are booleans, numbers, enums, a token described as a pagination cursor, ' +
    'or a path parameter named `authorization`, which names an authorization object.',
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
        for (const [name, property] of Object.entries(properties)) {
          if (namesCredential(name) && (!isObject(property) || canCarryCredential(property, property.description)))
            context.report('credentialInUrl', { at: [...query!.at, 'properties', name], data: { name, location: 'query' } });
        }
        return;
      }
      if ((parameter.in !== 'query' && parameter.in !== 'path') || typeof parameter.name !== 'string') return;
      const schema = valueSchemaOf(parameter);
      if (namesCredential(parameter.name, parameter.in) && canCarryCredential(schema, parameter.description ?? schema?.description)) {
        context.report('credentialInUrl', { at: ['name'], data: { name: parameter.name, location: parameter.in } });
      }
    },
  },
});
