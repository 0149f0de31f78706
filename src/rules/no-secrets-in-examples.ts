import { defineRule, PathSegment } from './define-rule';
import { namesCredential } from './support/credentials';
import { Gap, reportTogether } from './support/gaps';
import { asText } from './support/openapi';
import { PathLink, toPath, walkMembers } from './support/path-links';

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

/**
 * Tell-tale parts of placeholders: `xxxx`, `...`, `<token>`, `YOUR_API_KEY`, `EXAMPLE`, `****`, and words no
 * generated secret spells out (`SecretPassword123`, `my123secure456password789`, `assets-sandbox-…`).
 */
const PLACEHOLDER =
  /x{4,}|\.\.\.|<[^>]*>|your[_-]|example|placeholder|dummy|redacted|changeme|\*{3,}|password|secret|sample|sandbox|test|demo|fake/i;

/** The payload of jwt.io's sample token (`{"sub":"1234567890","name":"John Doe","iat":1516239022}`), printed everywhere. */
const JWT_IO_SAMPLE_PAYLOAD = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';

/** Shannon entropy of a string, in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/** The longest run of characters that each follow the one before (`123456`, `abcdef`) or repeat it (`aaaaaa`). */
function longestPatternRun(text: string): number {
  let longest = 1;
  let ascending = 1;
  let repeated = 1;
  for (let index = 1; index < text.length; index += 1) {
    const step = text.charCodeAt(index) - text.charCodeAt(index - 1);
    ascending = step === 1 ? ascending + 1 : 1;
    repeated = step === 0 ? repeated + 1 : 1;
    longest = Math.max(longest, ascending, repeated);
  }
  return longest;
}

/** Words joined by `-` or `_`, without a digit: `xoxa-access-token-string`, `BASIC_AUTH_PASSWORD`. */
const WORDS_ONLY = /^[a-z]+(?:[-_][a-z]+)+$/i;

/**
 * Whether a matched secret is a placeholder or a published sample rather than a live value: a tell-tale word, jwt.io's
 * sample token, readable words without digits, a run of six sequential or repeated characters, or too little entropy
 * for a generated secret (under 3 bits per character).
 */
function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value) || value.includes(JWT_IO_SAMPLE_PAYLOAD) || WORDS_ONLY.test(value)) return true;
  const body = value.replace(/^(?:Bearer\s+|xox[abprs]-|[rs]k_live_|gh[pousr]_|github_pat_|AIza)/, '');
  return longestPatternRun(body) >= 6 || entropy(body) < 3;
}

/** The kind of secret a string holds, unless it is an obvious placeholder or a published sample. */
export function secretIn(text: string): string | undefined {
  for (const { kind, pattern } of SECRET_PATTERNS) {
    const match = pattern.exec(text);
    if (match && !isPlaceholder(match[0])) return kind;
  }
  return undefined;
}

/** Values that are something else than a secret, whatever their field's name: URLs, dates, UUIDs (ids in examples). */
const NOT_A_SECRET_VALUE = /:\/\/|^\d{4}-\d{2}-\d{2}|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 40-hexadecimal-digit token (a SHA-1-sized key, GitHub's classic tokens). */
const HEX_40 = /^[0-9a-f]{40}$/i;

/**
 * Whether a value under a secret-named field (`password`, `client_secret`, `api_key`) or of `format: password` looks
 * like a real secret: one word of 12 or more characters, no placeholder, and a generated secret's entropy (at least
 * 3.5 bits per character), or 40 hexadecimal digits.
 */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 12 || /\s/.test(value) || NOT_A_SECRET_VALUE.test(value) || isPlaceholder(value)) return false;
  return HEX_40.test(value) || entropy(value) >= 3.5;
}

/**
 * Visits every string within an example value, with its path and the name of the member holding it (undefined for the
 * example itself and for items of a list), once per object (examples may be circular).
 */
function forEachString(
  value: unknown,
  at: PathLink,
  visit: (text: string, at: () => PathSegment[], key: string | undefined) => void,
): void {
  if (typeof value === 'string') visit(value, () => toPath(at), undefined);
  const seen = new WeakSet<object>();
  walkMembers(
    value,
    at,
    () => seen,
    (key, child, parent, link) => {
      if (typeof child === 'string') visit(child, () => toPath(link), Array.isArray(parent) ? undefined : key);
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
function forEachExample(root: unknown, visit: (value: unknown, at: PathLink, owner: Record<string, unknown>) => void): void {
  const walked = { named: new WeakSet<object>(), valued: new WeakSet<object>() };
  const isNamed = (link: PathLink | undefined) => link !== undefined && NAMED_MAPS.has(String(link.segment));
  walkMembers(
    root,
    undefined,
    (link) => (isNamed(link) ? walked.named : walked.valued),
    (key, child, parent, link) => {
      if (!Array.isArray(parent) && !isNamed(link.parent) && EXAMPLE_KEYS.has(key)) visit(child, link, parent as Record<string, unknown>);
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
    'secret keys, Google API keys; and, under a secret-named field (`password`, `client_secret`, `api_key`) or ' +
    "`format: password`, a single word of 12 or more characters with a generated secret's entropy, or 40 hex " +
    'digits. Placeholders and published samples are not flagged: `xxxx`, `...`, `<token>`, `YOUR_API_KEY`, values ' +
    "containing `EXAMPLE`, jwt.io's sample token, readable words (`xoxa-access-token-string`), runs of sequential " +
    'or repeated characters (`1234567890abcdef`), and values with too little entropy for a generated secret.',
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
    secretRepeated:
      'These {{count}} examples hold the same value, which looks like {{kind}}; use a placeholder and revoke the secret if it is real.',
  },
  visit: {
    Document(root, context) {
      // One secret pasted into many examples is one leak: reported once, with every place it is in.
      const bySecret = new Map<string, { kind: string; places: Gap[] }>();
      forEachExample(root, (value, exampleAt, owner) => {
        // The example's own name: the property it is the example of, or the parameter's name.
        const ownerName = exampleAt.parent?.parent?.segment === 'properties' ? String(exampleAt.parent.segment) : asText(owner.name);
        forEachString(value, exampleAt, (text, at, key) => {
          const secretNamed = key === undefined ? namesCredential(ownerName) || owner.format === 'password' : namesCredential(key);
          const kind = secretIn(text) ?? (secretNamed && looksLikeSecretValue(text) ? `a real value of "${key ?? ownerName}"` : undefined);
          if (kind === undefined) return;
          const path = at();
          const place = { path, label: path.map(String).join('/') };
          const secret = bySecret.get(text);
          if (secret) secret.places.push(place);
          else bySecret.set(text, { kind, places: [place] });
        });
      });
      for (const { kind, places } of bySecret.values()) {
        const [first] = places;
        const oneByOne = reportTogether(context, places, { at: first.path, messageId: 'secretRepeated', data: { kind } });
        for (const { path } of oneByOne) context.report('secret', { at: path, data: { kind } });
      }
    },
  },
});
