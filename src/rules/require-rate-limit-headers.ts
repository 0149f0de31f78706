import { defineRule } from './define-rule';
import { operationsOf, reportDocumentGap } from './support/gaps';
import { headersAt, isObject, operationLabel, responsesOf } from './support/openapi';
import { closestSet, SUCCESS_STATUS } from './support/rate-limits';

export default defineRule({
  id: 'require-rate-limit-headers',
  severity: 'info',
  description: 'Successful (2xx) responses must declare rate-limit headers.',
  rationale:
    'Rate-limit headers tell clients their quota before they hit it, so they can pace themselves instead of being ' +
    'throttled, and document that the API enforces limits at all. Accepted: the de-facto `X-RateLimit-Limit`, ' +
    "`-Remaining`, `-Reset` set (or Twitter's `X-Rate-Limit-*`), the IETF `RateLimit` with `RateLimit-Policy`, or " +
    'the earlier IETF draft `RateLimit-Limit`, `-Remaining`, `-Reset`. Names are case-insensitive. Other status codes ' +
    'are not checked. When no success response of the document declares any, that is one finding for the document. ' +
    'It is an info in the recommended preset: the headers tell clients about limits, and define-429-response already asks whether limits exist; the strict preset makes it an error.',
  sources: [
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'IETF draft-ietf-httpapi-ratelimit-headers (RateLimit and RateLimit-Policy fields)',
  ],
  owasp: 'API4:2023',
  cwe: [770],
  fix: 'Declare `RateLimit` and `RateLimit-Policy` (or the `X-RateLimit-Limit`, `-Remaining`, `-Reset` set) on every 2xx response, ideally as shared header components.',
  messages: {
    missing: 'Success response {{status}} declares no rate-limit headers.',
    incomplete: 'Success response {{status}} declares {{present}} but not {{missing}}.',
    none: 'None of the {{count}} success responses declares rate-limit headers.',
  },
  visit: {
    Document(root, context) {
      const judged = operationsOf(root).flatMap(({ operation, path }) =>
        Object.entries(responsesOf(operation)).flatMap(([status, response]) =>
          SUCCESS_STATUS.test(status) && isObject(response)
            ? [
                {
                  path: [...path, 'responses', status],
                  label: `${operationLabel(path)} ${status}`,
                  status,
                  response,
                  closest: closestSet(response),
                },
              ]
            : [],
        ),
      );
      const bare = judged.filter(({ closest }) => closest.present.length === 0);
      const left = new Set(reportDocumentGap(context, bare, judged.length, 'none'));
      for (const judgement of judged) {
        const { path, status, response, closest } = judgement;
        if (closest.missing.length === 0 || (closest.present.length === 0 && !left.has(judgement))) continue;
        const at = [...path, ...headersAt(response)];
        if (closest.present.length === 0) context.report('missing', { at, data: { status } });
        else
          context.report('incomplete', { at, data: { status, present: closest.present.join(', '), missing: closest.missing.join(', ') } });
      }
    },
  },
});
