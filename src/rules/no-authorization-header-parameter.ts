import { defineRule } from './define-rule';
import { namesCredential } from './support/credentials';
import { nameWords } from './support/names';
import { declaredByApiKeyScheme } from './support/openapi';

/** Whether a header parameter carries a credential: `Authorization`, or a name such as `X-API-Key` or `X-Auth-Token`. */
function carriesCredential(name: string): boolean {
  if (name.toLowerCase() === 'authorization') return true;
  // Anti-forgery tokens protect a session; they do not authenticate one. AWS's X-Amz-* headers are the inputs of
  // Signature V4, which the descriptions declare as a scheme for the Authorization header they sign.
  const words = nameWords(name);
  return namesCredential(name) && !words.includes('csrf') && !words.includes('xsrf') && !(words[0] === 'x' && words[1] === 'amz');
}

export default defineRule({
  id: 'no-authorization-header-parameter',
  severity: 'warn',
  description:
    'Authentication must be declared as a security scheme, not as a header parameter (`Authorization`, `X-API-Key`, `X-Auth-Token`…).',
  rationale:
    'A hand-declared `Authorization` parameter hides how the API authenticates: tools cannot tell which scheme ' +
    'applies, gateways cannot enforce it, and reviewers cannot see which operations are protected. OpenAPI 3 ' +
    'even says such a parameter is ignored. Reported: `Authorization`, and headers whose names say they carry a ' +
    'credential (`token`, `X-API-Key`, `X-Auth-Token`, `Api-Key`, `X-Client-Secret`, by the word rules of ' +
    'no-credentials-in-url), unless an API key scheme declares the same header; anti-forgery (`X-CSRF-Token`) headers ' +
    "are not credentials, nor AWS's `X-Amz-*` Signature V4 inputs, which accompany the Authorization header a scheme " +
    'declares. Names are matched case-insensitively.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'OpenAPI Specification 3.x: Parameter Object (`in: header` named Authorization is ignored)',
  ],
  owasp: 'API2:2023',
  cwe: [287],
  fix: 'Remove the parameter and describe the authentication as a security scheme referenced by `security`.',
  messages: {
    authorizationHeader: 'Header parameter "{{name}}" carries credentials; declare a security scheme instead.',
  },
  visit: {
    Parameter(parameter, context) {
      if (parameter.in !== 'header' || typeof parameter.name !== 'string') return;
      if (carriesCredential(parameter.name) && !declaredByApiKeyScheme(context.root, 'header', parameter.name)) {
        context.report('authorizationHeader', { at: ['name'], data: { name: parameter.name } });
      }
    },
  },
});
