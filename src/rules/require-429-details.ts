import { defineRule } from './define-rule';
import { headersAt, headersByName, isObject, isSwagger2 } from './support/openapi';

/** Whether a response describes a body: OpenAPI 3 `content` with a media type, Swagger 2.0 `schema`. */
function hasBody(response: Record<string, unknown>, swagger2: boolean): boolean {
  return swagger2 ? isObject(response.schema) : isObject(response.content) && Object.keys(response.content).length > 0;
}

export default defineRule({
  id: 'require-429-details',
  severity: 'info',
  description: 'A 429 response must declare a Retry-After header and a response body.',
  rationale:
    'Without `Retry-After`, well-behaved clients cannot tell when to retry and either give up or hammer the API; ' +
    'without a body they cannot tell which limit they hit. A shared 429 component is reported once, at its definition. ' +
    'It is an info in the recommended preset: the details help clients back off, and define-429-response already asks whether limits exist; the strict preset makes it an error.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'RFC 6585 §4: the response MAY include a Retry-After header indicating how long to wait',
    'RFC 9110 §10.2.3 (Retry-After)',
  ],
  owasp: 'API4:2023',
  cwe: [770],
  fix: 'Give the 429 response a `Retry-After` header and a body (e.g. an RFC 9457 problem details schema).',
  messages: {
    missingRetryAfter: 'The 429 response declares no Retry-After header.',
    missingBody: 'The 429 response describes no body.',
  },
  visit: {
    OperationResponses(responses, context) {
      if (!isObject(responses['429'])) return;
      const response = responses['429'];
      if (!headersByName(response).has('retry-after')) context.report('missingRetryAfter', { at: ['429', ...headersAt(response)] });
      if (!hasBody(response, isSwagger2(context.root))) context.report('missingBody', { at: ['429'] });
    },
  },
});
