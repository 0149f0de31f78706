import { defineRule } from './define-rule';
import { keyOf } from './support/openapi';
import { authUrls } from './support/oauth2';

/**
 * What makes an https URL unsafe to hand to a client, if anything: characters parsers disagree on, a user name
 * before `@` (the host is what follows it), a fragment (which can hide a host: `https://good.com#@evil.com`), or no
 * host a URL parser accepts.
 */
function malformation(url: string): string | undefined {
  if (/[\s\\]/.test(url)) return 'whitespace or a backslash';
  const authority = /^https:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (!authority) return 'no host';
  if (authority.includes('@')) return 'a user name before "@", so its host is what follows';
  if (url.includes('#')) return 'a fragment';
  try {
    new URL(url);
  } catch {
    return 'no parsable host';
  }
  return undefined;
}

export default defineRule({
  id: 'require-https-auth-urls',
  severity: 'error',
  description: 'OAuth2 and OpenID Connect URLs must use HTTPS and be well-formed.',
  rationale:
    'Authorization codes, tokens, client secrets and discovery documents travel through these URLs; over plain ' +
    'http they can be read or replaced by anyone on the network path. An https URL must also be well-formed, as ' +
    'clients and their URL parsers differ on the rest: no user name before `@` (`https://login.example.com@evil.com` ' +
    'goes to evil.com), no fragment (`https://good.com#@evil.com`), no whitespace or backslashes, and a host a URL ' +
    'parser accepts. Relative URLs are not flagged.',
  sources: [
    'OWASP API Security Top 10 2023 API2 (Broken Authentication)',
    'RFC 6749 §3.1 and §3.2: the authorization and token endpoints require TLS',
    'OAuth 2.0 Security Best Current Practice (RFC 9700)',
  ],
  owasp: 'API2:2023',
  cwe: [319],
  fix: 'Use well-formed `https://` URLs (a host, no user name or fragment) for `authorizationUrl`, `tokenUrl`, `refreshUrl`, `deviceAuthorizationUrl`, `oauth2MetadataUrl` and `openIdConnectUrl`.',
  messages: {
    insecure: 'Security scheme "{{name}}" uses a non-HTTPS URL: {{url}}.',
    malformed: 'Security scheme "{{name}}" has a malformed URL, with {{problem}}: {{url}}.',
  },
  visit: {
    SecurityScheme(scheme, context) {
      for (const { url, at } of authUrls(scheme)) {
        const name = keyOf(context.path);
        if (/^https:/i.test(url)) {
          const problem = malformation(url);
          if (problem) context.report('malformed', { at, data: { name, url, problem } });
        } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) context.report('insecure', { at, data: { name, url } });
      }
    },
  },
});
