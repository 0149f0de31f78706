import { defineRule, RuleContext } from './define-rule';
import { asText, isObject, JsonObject, keyOf, securitySchemesOf } from './support/openapi';

type MessageId = 'noScopesDefined' | 'noScopeRequested';

function checkScheme(scheme: JsonObject, context: RuleContext<undefined, MessageId>): void {
  if (scheme.type !== 'oauth2') return;
  const name = keyOf(context.path);
  const empty = (scopes: unknown) => !isObject(scopes) || Object.keys(scopes).length === 0;
  if (isObject(scheme.flows)) {
    for (const [flow, definition] of Object.entries(scheme.flows)) {
      if (isObject(definition) && empty(definition.scopes))
        context.report('noScopesDefined', { at: ['flows', flow], data: { name, flow } });
    }
  } else if (empty(scheme.scopes)) {
    context.report('noScopesDefined', { at: 'scopes' in scheme ? ['scopes'] : [], data: { name, flow: asText(scheme.flow) } });
  }
}

function checkRequirement(requirement: JsonObject, context: RuleContext<undefined, MessageId>): void {
  const schemes = securitySchemesOf(context.root);
  for (const [name, scopes] of Object.entries(requirement)) {
    const scheme = schemes[name];
    const scoped = isObject(scheme) && (scheme.type === 'oauth2' || scheme.type === 'openIdConnect');
    if (scoped && Array.isArray(scopes) && scopes.length === 0) context.report('noScopeRequested', { at: [name], data: { name } });
  }
}

export default defineRule<undefined, MessageId>({
  id: 'require-oauth2-scopes',
  severity: 'warn',
  description: 'OAuth2 flows must define scopes, and OAuth2 and OpenID Connect requirements must request at least one.',
  rationale:
    'Scopes are how OAuth2 limits what a token may do. A flow without scopes issues all-or-nothing tokens, and a ' +
    'requirement that requests no scope accepts any token the server issued, whatever it was meant for: least ' +
    'privilege needs both.',
  sources: [
    'OWASP API Security Top 10 2023 API5 (Broken Function Level Authorization)',
    'OAuth 2.0 Security Best Current Practice (RFC 9700) §2.3: access token privilege restriction',
    'RFC 6749 §3.3 (Access Token Scope)',
  ],
  owasp: 'API5:2023',
  cwe: [250, 285],
  fix: 'Define scopes for each flow, and list the scopes each operation needs in its security requirement.',
  messages: {
    noScopesDefined: 'OAuth2 flow "{{flow}}" of security scheme "{{name}}" defines no scopes.',
    noScopeRequested: 'Security requirement for "{{name}}" requests no scope.',
  },
  visit: {
    SecurityScheme: checkScheme,
    SecurityRequirement: checkRequirement,
  },
});
