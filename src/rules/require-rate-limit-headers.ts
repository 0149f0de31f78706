import { defineRule } from './define-rule';
import { headersAt, headersByName, isObject } from './support/openapi';

/** The header sets that each document a rate limit; any one complete set satisfies the rule. */
const RATE_LIMIT_HEADER_SETS = [
  ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  ['RateLimit', 'RateLimit-Policy'],
  ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
];

const SUCCESS_STATUS = /^2(?:\d\d|XX)$/i;

export default defineRule({
  id: 'require-rate-limit-headers',
  severity: 'warn',
  description: 'Successful (2xx) responses must declare rate-limit headers.',
  rationale:
    'Rate-limit headers tell clients their quota before they hit it, so they can pace themselves instead of being ' +
    'throttled, and document that the API enforces limits at all. Accepted: the de-facto `X-RateLimit-Limit`, ' +
    '`-Remaining`, `-Reset` set, the IETF `RateLimit` with `RateLimit-Policy`, or the earlier IETF draft ' +
    '`RateLimit-Limit`, `-Remaining`, `-Reset`. Names are case-insensitive. Other status codes are not checked.',
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
  },
  visit: {
    OperationResponses(responses, context) {
      for (const [status, response] of Object.entries(responses)) {
        if (!SUCCESS_STATUS.test(status) || !isObject(response)) continue;
        const declared = headersByName(response);
        // Judge the response against the set it got furthest with, so the message names what is left to add.
        const [closest] = RATE_LIMIT_HEADER_SETS.map((set) => ({
          present: set.filter((name) => declared.has(name.toLowerCase())),
          missing: set.filter((name) => !declared.has(name.toLowerCase())),
        })).sort((a, b) => a.missing.length - b.missing.length || b.present.length - a.present.length);
        if (closest.missing.length === 0) continue;
        const at = [status, ...headersAt(response)];
        if (closest.present.length === 0) context.report('missing', { at, data: { status } });
        else
          context.report('incomplete', { at, data: { status, present: closest.present.join(', '), missing: closest.missing.join(', ') } });
      }
    },
  },
});
