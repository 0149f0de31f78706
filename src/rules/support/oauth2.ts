import type { PathSegment } from '../define-rule';
import { isObject } from './openapi';

/**
 * Where a security scheme declares the given OAuth2 flow, or undefined: OpenAPI 3 `flows.<flow>`,
 * Swagger 2.0 `flow: <flow>` (both versions name the implicit and password flows alike).
 */
export function oauth2FlowAt(scheme: unknown, flow: 'implicit' | 'password'): PathSegment[] | undefined {
  if (!isObject(scheme) || scheme.type !== 'oauth2') return undefined;
  if (isObject(scheme.flows) && flow in scheme.flows) return ['flows', flow];
  if (scheme.flow === flow) return ['flow'];
  return undefined;
}

/** The URL fields of OAuth2 flows (`deviceAuthorizationUrl`: OpenAPI 3.2's device authorization flow). */
const URL_FIELDS = ['authorizationUrl', 'tokenUrl', 'refreshUrl', 'deviceAuthorizationUrl'] as const;

/** The OAuth2 and OpenID Connect URL fields of a scheme, with their paths (OpenAPI 3 flows and Swagger 2.0). */
export function authUrls(scheme: Record<string, unknown>): { url: string; at: PathSegment[] }[] {
  const urls: { url: string; at: PathSegment[] }[] = [];
  const collect = (holder: Record<string, unknown>, prefix: PathSegment[]) => {
    for (const field of URL_FIELDS) {
      if (typeof holder[field] === 'string') urls.push({ url: holder[field], at: [...prefix, field] });
    }
  };
  if (scheme.type === 'oauth2') {
    collect(scheme, []);
    // OpenAPI 3.2: the authorization server's metadata (RFC 8414), which names every other endpoint.
    if (typeof scheme.oauth2MetadataUrl === 'string') urls.push({ url: scheme.oauth2MetadataUrl, at: ['oauth2MetadataUrl'] });
    if (isObject(scheme.flows)) {
      for (const [flow, definition] of Object.entries(scheme.flows)) if (isObject(definition)) collect(definition, ['flows', flow]);
    }
  }
  if (scheme.type === 'openIdConnect' && typeof scheme.openIdConnectUrl === 'string') {
    urls.push({ url: scheme.openIdConnectUrl, at: ['openIdConnectUrl'] });
  }
  return urls;
}
