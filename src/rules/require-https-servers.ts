import { defineRule, RuleContext } from './define-rule';
import { asText, isObject, JsonObject } from './support/openapi';
import { expand, hostOf, insecureScheme, insecureValues } from './support/servers';

function isAllowedHost(host: string, options: Options): boolean {
  return options.allowHosts.some((allowed) => allowed.toLowerCase() === host);
}

interface Options {
  /** Host names (no port) that may be served over plain http, e.g. `localhost` for a dev server. */
  allowHosts: string[];
}

type MessageId = 'insecureUrl' | 'insecureVariable' | 'insecureScheme';

function checkServer(server: JsonObject, context: RuleContext<Options, MessageId>): void {
  if (typeof server.url !== 'string') return;
  const template = server.url;
  const variables = isObject(server.variables) ? server.variables : {};
  const defaults = Object.fromEntries(
    Object.entries(variables).flatMap(([name, variable]) =>
      isObject(variable) && typeof variable.default === 'string' ? [[name, variable.default]] : [],
    ),
  );
  const allowed = (url: string) => isAllowedHost(hostOf(expand(url, defaults)), context.options);

  const literalScheme = insecureScheme(template);
  if (literalScheme !== undefined) {
    if (!allowed(template)) context.report('insecureUrl', { at: ['url'], data: { url: template, scheme: literalScheme } });
    return;
  }
  // A variable is to blame when substituting one of its values alone makes the URL insecure.
  for (const { name, value, at, url, scheme } of insecureValues(template, variables))
    if (!allowed(url)) context.report('insecureVariable', { at: ['variables', name, ...at], data: { name, value, url, scheme } });
}

function checkSwaggerSchemes(owner: JsonObject, context: RuleContext<Options, MessageId>): void {
  const { schemes } = owner;
  if (!Array.isArray(schemes)) return;
  const root = isObject(context.root) ? context.root : {};
  const host = typeof root.host === 'string' ? root.host : '';
  if (isAllowedHost(hostOf(`http://${host}`), context.options)) return;
  schemes.forEach((scheme, index) => {
    const name = asText(scheme).toLowerCase();
    if (name === 'http' || name === 'ws') context.report('insecureScheme', { at: ['schemes', index], data: { scheme: name } });
  });
}

export default defineRule<Options, MessageId>({
  id: 'require-https-servers',
  severity: 'error',
  description: 'Every server URL must use HTTPS (or WSS).',
  rationale:
    'Plain http exposes credentials, tokens and personal data to anyone on the network path and lets them alter traffic. ' +
    'Relative server URLs inherit the scheme the document was served over and are not flagged. ' +
    'A server variable that can expand the URL to http:// is flagged at the offending default or enum value.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration): transport encryption',
    'NCSC API security guidance: use TLS for all API traffic',
    'OpenAPI Specification: Server Object, Swagger 2.0 `schemes`',
  ],
  owasp: 'API8:2023',
  cwe: [319],
  fix: 'Use `https://` (or `wss://`) server URLs and remove `http`/`ws` from Swagger `schemes`. For a local development server, allow its host with the `allowHosts` option.',
  messages: {
    insecureUrl: 'Server URL "{{url}}" uses {{scheme}}://; serve the API over HTTPS only.',
    insecureVariable: 'Server variable "{{name}}" can be "{{value}}", which makes the URL "{{url}}" use {{scheme}}://.',
    insecureScheme: 'Swagger "schemes" lists "{{scheme}}"; serve the API over HTTPS only.',
  },
  options: {
    schema: {
      type: 'object',
      properties: { allowHosts: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaults: { allowHosts: [] },
  },
  visit: {
    Server: checkServer,
    // Swagger 2.0 `schemes`, at the root and on operations.
    Document: checkSwaggerSchemes,
    Operation: checkSwaggerSchemes,
  },
});
