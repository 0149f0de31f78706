import { headersByName, JsonObject } from './openapi';

/** The header sets that each document a rate limit; any one complete set satisfies the rule. */
const RATE_LIMIT_HEADER_SETS = [
  ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  // Twitter's spelling, which others copied.
  ['X-Rate-Limit-Limit', 'X-Rate-Limit-Remaining', 'X-Rate-Limit-Reset'],
  ['RateLimit', 'RateLimit-Policy'],
  ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
];

export const SUCCESS_STATUS = /^2(?:\d\d|XX)$/i;

/** The header set a response got furthest with, so that a message names what is left to add. */
export function closestSet(response: JsonObject): { present: string[]; missing: string[] } {
  const declared = headersByName(response);
  const [closest] = RATE_LIMIT_HEADER_SETS.map((set) => ({
    present: set.filter((name) => declared.has(name.toLowerCase())),
    missing: set.filter((name) => !declared.has(name.toLowerCase())),
  })).sort((a, b) => a.missing.length - b.missing.length || b.present.length - a.present.length);
  return closest;
}
