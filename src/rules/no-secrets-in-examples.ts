import { defineRule, PathSegment } from './define-rule';
import { PathLink, toPath } from './support/path-links';

/** Secret formats, each a pattern matched within string values. */
const SECRET_PATTERNS: { kind: string; pattern: RegExp }[] = [
  // Starts only where a run of token characters starts: with \b, each `eyJ` inside a long run (`eyJ-eyJ-...`) would
  // scan the rest of the run again, which made a 300 KB example take a minute.
  { kind: 'a JSON Web Token', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { kind: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/ },
  { kind: 'a bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/ },
  { kind: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { kind: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Stripe secret key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}\b/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
];

/** Tell-tale parts of placeholders: `xxxx`, `...`, `<token>`, `YOUR_API_KEY`, `EXAMPLE`, `****`. */
const PLACEHOLDER = /x{4,}|\.\.\.|<[^>]*>|your[_-]|example|placeholder|dummy|redacted|changeme|\*{3,}/i;

/** The kind of secret a string holds, unless it is an obvious placeholder. */
export function secretIn(text: string): string | undefined {
  for (const { kind, pattern } of SECRET_PATTERNS) {
    const match = pattern.exec(text);
    if (match && !PLACEHOLDER.test(match[0])) return kind;
  }
  return undefined;
}

/**
 * Walks `root` depth first in document order, each object once per `seen` set: `enter` says which set an object
 * belongs to (or that it is not walked), `visit` hears of every member. The walk keeps its own stack: resolved
 * documents nest deeper than the call stack allows (a chain of 2,000 `allOf` references).
 */
function walk(
  root: unknown,
  at: PathLink | undefined,
  seenFor: (link: PathLink | undefined) => WeakSet<object>,
  visit: (key: string, child: unknown, parentIsArray: boolean, link: PathLink) => void,
): void {
  const pending: { node: unknown; link: PathLink | undefined }[] = [{ node: root, link: at }];
  while (pending.length > 0) {
    const { node, link } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const seen = seenFor(link);
    if (seen.has(node)) continue;
    seen.add(node);
    const isArray = Array.isArray(node);
    const entries = Object.entries(node);
    for (const [key, child] of entries) visit(key, child, isArray, { parent: link, segment: isArray ? Number(key) : key });
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      pending.push({ node: entries[index][1], link: { parent: link, segment: isArray ? Number(entries[index][0]) : entries[index][0] } });
    }
  }
}

/** Visits every string within an example value, with its path, once per object (examples may be circular). */
function forEachString(value: unknown, at: PathLink, visit: (text: string, at: () => PathSegment[]) => void): void {
  if (typeof value === 'string') visit(value, () => toPath(at));
  const seen = new WeakSet<object>();
  walk(
    value,
    at,
    () => seen,
    (_key, child, _isArray, link) => {
      if (typeof child === 'string') visit(child, () => toPath(link));
    },
  );
}

/** Keys whose values are example values. */
const EXAMPLE_KEYS = new Set(['example', 'examples', 'default', 'x-example']);

/** Keys under which `example` or `default` is a name (a property, a response), not an example value. */
const NAMED_MAPS = new Set(['properties', 'patternProperties', 'responses', 'examples', 'headers', 'parameters']);

/**
 * Visits every example value in the document with its path. The resolved document shares one object per `$ref`
 * target, and every path to it maps to the same definition: each object is walked once (once per kind of
 * parent key, which decides whether its `example` member is a name), so the cost follows the document's size,
 * not the size of its expansion.
 */
function forEachExample(root: unknown, visit: (value: unknown, at: PathLink) => void): void {
  const walked = { named: new WeakSet<object>(), valued: new WeakSet<object>() };
  const isNamed = (link: PathLink | undefined) => link !== undefined && NAMED_MAPS.has(String(link.segment));
  walk(
    root,
    undefined,
    (link) => (isNamed(link) ? walked.named : walked.valued),
    (key, child, parentIsArray, link) => {
      if (!parentIsArray && !isNamed(link.parent) && EXAMPLE_KEYS.has(key)) visit(child, link);
    },
  );
}

export default defineRule({
  id: 'no-secrets-in-examples',
  severity: 'warn',
  description: 'Examples and defaults must not contain live-looking secrets.',
  rationale:
    'Descriptions are published, rendered in portals and committed to repositories; a real token or key pasted ' +
    'into an example is leaked to everyone who reads them, and defaults may even be sent by generated clients. ' +
    'Recognised: JSON Web Tokens, `Bearer` tokens, PEM private keys, AWS access keys, GitHub, Slack and Stripe ' +
    'secret keys, Google API keys. Obvious placeholders (`xxxx`, `...`, `<token>`, `YOUR_API_KEY`, values ' +
    'containing `EXAMPLE`) are not flagged.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration)',
    'OWASP Secrets Management Cheat Sheet: never store secrets in documentation or code',
  ],
  owasp: 'API8:2023',
  cwe: [798, 200],
  fix: 'Replace the value with a placeholder such as `<access-token>`, and revoke the secret if it was real.',
  precision: 'medium',
  messages: {
    secret: 'This example holds what looks like {{kind}}; use a placeholder and revoke the secret if it is real.',
  },
  visit: {
    Document(root, context) {
      forEachExample(root, (value, exampleAt) =>
        forEachString(value, exampleAt, (text, at) => {
          const kind = secretIn(text);
          if (kind) context.report('secret', { at: at(), data: { kind } });
        }),
      );
    },
  },
});
