import { defineRule } from './define-rule';
import { toPath, walkDocument } from './support/path-links';

/** What, in text that portals render as Markdown and HTML, runs script in the reader's browser. */
const ACTIVE_CONTENT: { what: string; pattern: RegExp }[] = [
  // A tag, not a mention: with attributes, or with content and a closing tag (`<module>.<script>` is a mention).
  { what: 'a <script> tag', pattern: /<script\s+[a-z-]+\s*=|<script\s*>[^<]*<\/script\s*>/i },
  { what: 'an <iframe>', pattern: /<iframe\s+[a-z-]+\s*=|<iframe\s*>[^<]*<\/iframe\s*>/i },
  { what: 'an inline event handler', pattern: /<[a-z][^>]*\son[a-z]+\s*=/i },
  // As a link or an attribute's URL (Markdown `](…)`, autolink `<…>`, `href=`, `src=`), not the word in prose.
  { what: 'a javascript: URL', pattern: /(?:\]\(\s*|<|(?:href|src|action|formaction)\s*=\s*["']?\s*)javascript\s*:/i },
  { what: 'a data:text/html URL', pattern: /data:text\/html/i },
];

/** Markdown code (fenced blocks and inline spans): text shown as code, never rendered as HTML. */
const MARKDOWN_CODE = /```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`/g;

/** The kind of active content a description holds outside Markdown code, if any. */
export function activeContentIn(text: string): string | undefined {
  if (!text.includes('<') && !text.includes(':')) return undefined;
  const rendered = text.replace(MARKDOWN_CODE, '');
  return ACTIVE_CONTENT.find(({ pattern }) => pattern.test(rendered))?.what;
}

/** Keys whose values are rendered text. */
const TEXT_KEYS = new Set(['description', 'summary']);
/** Maps whose keys are names (a property called `description`), not fields. */
const NAMED_MAPS = new Set(['properties', 'patternProperties']);

export default defineRule({
  id: 'no-script-in-descriptions',
  severity: 'error',
  description:
    'Descriptions and summaries must not hold script: `<script>`, `<iframe>`, inline event handlers, `javascript:` or `data:text/html` URLs.',
  rationale:
    'Developer portals render `description` and `summary` as Markdown, which passes HTML through: script in a ' +
    'description runs in the browser of everyone who reads the documentation (stored XSS), with their portal ' +
    'session. Descriptions come from pull requests and generated code alike. Text inside Markdown code (fenced ' +
    'blocks and `inline code`) is shown, not rendered, and is not flagged.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration)',
    'OWASP Cross Site Scripting Prevention Cheat Sheet',
    'OpenAPI Specification: CommonMark in description fields',
  ],
  owasp: 'API8:2023',
  cwe: [79],
  fix: 'Remove the HTML; to show it as an example, put it in a Markdown code block.',
  messages: {
    activeContent: "This {{field}} holds {{what}}, which a developer portal may run in its readers' browsers.",
  },
  visit: {
    Document(root, context) {
      walkDocument(root, (key, child, _parent, link) => {
        if (typeof child !== 'string' || !TEXT_KEYS.has(key)) return;
        // Under a named map (`properties`, `responses`…) the key is a name, not a field holding text.
        if (link.parent !== undefined && NAMED_MAPS.has(String(link.parent.segment))) return;
        const what = activeContentIn(child);
        if (what) context.report('activeContent', { at: toPath(link), data: { field: key, what } });
      });
    },
  },
});
