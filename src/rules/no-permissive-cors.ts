import { defineRule } from './define-rule';
import { isObject, JsonObject, operationLabel } from './support/openapi';

type MessageId = 'anyOrigin' | 'anyOriginWithCredentials';

/** A response header by case-insensitive name, with the key it is declared under. */
function headerNamed(response: JsonObject, name: string): { key: string; header: JsonObject } | undefined {
  if (!isObject(response.headers)) return undefined;
  for (const [key, header] of Object.entries(response.headers)) {
    if (key.toLowerCase() === name && isObject(header)) return { key, header };
  }
  return undefined;
}

/**
 * The values a header says it may take, from the header and its schema (OpenAPI 3) or the header itself (Swagger
 * 2.0): `enum` entries, `const`, `default`, `example` and `examples`; `closed` when an `enum` or `const` lists them all.
 */
function declaredValues(header: JsonObject): { values: unknown[]; closed: boolean } {
  const values: unknown[] = [];
  let closed = false;
  for (const node of [header, isObject(header.schema) ? header.schema : {}]) {
    if (Array.isArray(node.enum)) {
      values.push(...(node.enum as unknown[]));
      closed = true;
    }
    if ('const' in node) {
      values.push(node.const);
      closed = true;
    }
    values.push(node.default, node.example);
    if (Array.isArray(node.examples)) values.push(...(node.examples as unknown[]));
    else if (isObject(node.examples))
      values.push(...Object.values(node.examples).map((example) => (isObject(example) ? example.value : undefined)));
  }
  return { values, closed };
}

/** Whether `Access-Control-Allow-Credentials` is declared and not pinned to a value other than `true`. */
function mayAllowCredentials(response: JsonObject): boolean {
  const credentials = headerNamed(response, 'access-control-allow-credentials');
  if (!credentials) return false;
  const { values, closed } = declaredValues(credentials.header);
  return !closed || values.some((value) => value === true || value === 'true');
}

export default defineRule<undefined, MessageId>({
  id: 'no-permissive-cors',
  severity: 'error',
  description: 'Responses must not allow any origin (`Access-Control-Allow-Origin: *`), least of all with credentials.',
  rationale:
    '`Access-Control-Allow-Origin: *` lets every web page a user visits read the response from their browser. ' +
    'For a public, unauthenticated API that is intended; for anything else it exposes data to any site. Declared ' +
    'together with `Access-Control-Allow-Credentials: true` it is worse: browsers refuse that pair, so servers that ' +
    "make it work echo the caller's `Origin`, and any website can then call the API as the signed-in user (with " +
    'their cookies). The header counts as `*` when its `enum`, `const`, `default`, `example` or `examples` say so. ' +
    'Any origin alone is a warning; with credentials that may be `true` (declared and not pinned to another value), ' +
    'an error.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration): CORS policy',
    'OWASP HTML5 Security Cheat Sheet: Cross Origin Resource Sharing',
    'Fetch Standard: CORS protocol and credentials',
  ],
  owasp: 'API8:2023',
  cwe: [942],
  fix: 'List the allowed origins (an `enum` of exact origins), and never combine a wildcard or an echoed origin with credentials.',
  messages: {
    anyOrigin:
      'The {{status}} response of {{operation}} allows any origin (Access-Control-Allow-Origin: *): any website can read it from a browser.',
    anyOriginWithCredentials:
      'The {{status}} response of {{operation}} allows any origin and credentials (Access-Control-Allow-Credentials): any website could call the API as the signed-in user.',
  },
  visit: {
    OperationResponses(responses, context) {
      const operation = operationLabel(context.path.slice(0, -1));
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        const origin = headerNamed(response, 'access-control-allow-origin');
        if (!origin || !declaredValues(origin.header).values.includes('*')) continue;
        const details = { at: [status, 'headers', origin.key], data: { status, operation } };
        if (mayAllowCredentials(response)) context.report('anyOriginWithCredentials', details);
        else context.report('anyOrigin', { ...details, atMost: 'warn' });
      }
    },
  },
});
