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
