import type { Rule } from './define-rule';
import define400Response from './define-400-response';
import define401Response from './define-401-response';
import define403Response from './define-403-response';
import define429Response from './define-429-response';
import limitArrayItems from './limit-array-items';
import limitMapSize from './limit-map-size';
import limitNumericRange from './limit-numeric-range';
import limitStringLength from './limit-string-length';
import noApiKeyInQuery from './no-api-key-in-query';
import noAuthorizationHeaderParameter from './no-authorization-header-parameter';
import noClosedCompositionMembers from './no-closed-composition-members';
import noCredentialsInUrl from './no-credentials-in-url';
import noDeprecatedSecuritySchemes from './no-deprecated-security-schemes';
import noHttpBasicAuth from './no-http-basic-auth';
import noInsecureHttpAuthSchemes from './no-insecure-http-auth-schemes';
import noNumericIds from './no-numeric-ids';
import noOauth2ImplicitFlow from './no-oauth2-implicit-flow';
import noOauth2PasswordFlow from './no-oauth2-password-flow';
import noPermissiveCors from './no-permissive-cors';
import noPublicOperations from './no-public-operations';
import noRefreshWithClientCredentials from './no-refresh-with-client-credentials';
import noScopesForNonOauth2 from './no-scopes-for-non-oauth2';
import noScriptInDescriptions from './no-script-in-descriptions';
import noSecretsInExamples from './no-secrets-in-examples';
import noSsrfUrlParameters from './no-ssrf-url-parameters';
import noWriteWithReadOnlyScope from './no-write-with-read-only-scope';
import require429Details from './require-429-details';
import requireAdditionalPropertiesFalse from './require-additional-properties-false';
import requireBearerFormat from './require-bearer-format';
import requireDefinedSecuritySchemes from './require-defined-security-schemes';
import requireDistinctAdminSecurity from './require-distinct-admin-security';
import requireHttpsAuthUrls from './require-https-auth-urls';
import requireHttpsServers from './require-https-servers';
import requireInputSchema from './require-input-schema';
import requireIntegerFormat from './require-integer-format';
import requireOauth2Scopes from './require-oauth2-scopes';
import requireRateLimitHeaders from './require-rate-limit-headers';
import requireResponseSchema from './require-response-schema';
import requireSecurity from './require-security';
import requireStringRestriction from './require-string-restriction';

/** Every oasguard rule, sorted by id. */
export const rules: readonly Rule[] = [
  define400Response,
  define401Response,
  define403Response,
  define429Response,
  limitArrayItems,
  limitMapSize,
  limitNumericRange,
  limitStringLength,
  noApiKeyInQuery,
  noAuthorizationHeaderParameter,
  noClosedCompositionMembers,
  noCredentialsInUrl,
  noDeprecatedSecuritySchemes,
  noHttpBasicAuth,
  noInsecureHttpAuthSchemes,
  noNumericIds,
  noOauth2ImplicitFlow,
  noOauth2PasswordFlow,
  noPermissiveCors,
  noPublicOperations,
  noRefreshWithClientCredentials,
  noScopesForNonOauth2,
  noScriptInDescriptions,
  noSecretsInExamples,
  noSsrfUrlParameters,
  noWriteWithReadOnlyScope,
  require429Details,
  requireAdditionalPropertiesFalse,
  requireBearerFormat,
  requireDefinedSecuritySchemes,
  requireDistinctAdminSecurity,
  requireHttpsAuthUrls,
  requireHttpsServers,
  requireInputSchema,
  requireIntegerFormat,
  requireOauth2Scopes,
  requireRateLimitHeaders,
  requireResponseSchema,
  requireSecurity,
  requireStringRestriction,
];

/** Looks a rule up by id. */
export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
