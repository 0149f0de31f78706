/**
 * A self-contained HTML report (`-f html:report.html`) for the people who read rather than gate: the security score
 * with a gauge, its OWASP categories as bars, counts per severity and per rule, then the findings grouped by file and
 * rule with their fix hints and code frames, filtered by severity, rule and category and searched in the page.
 *
 * Safe to open from a CI artifact or an e-mail: nothing is loaded (styles and script inline, no fonts, images or
 * URLs fetched), and a Content-Security-Policy allows that one style and that one script by hash and nothing else.
 * Document content reaches the page two ways, control characters made visible first in both: escaped in the
 * markup written here, and as JSON data the script shows as text (see html-page.ts).
 */
import { createHash } from 'node:crypto';
import { cached } from '../shared/cached';
import { severityRank } from '../shared/severity';
import { SEVERITIES } from '../shared/types';
import type { Finding, LintResult, OwaspCategory, RuleMeta, Severity } from '../shared/types';
import { SCRIPT, STYLE } from './html-page';
import { printable } from './printable';
import { CategoryScore, OWASP_CATEGORY_NAMES, RunScore, scoreOf, scoreSentence } from './score';
import { countBySeverity, ruleCounts, summarize } from './summary';
import { codeFrame, sourceLines } from './text';
import type { FormatContext, Formatter } from './types';

/** Document content as HTML text or attribute value: visible control characters, then entities for markup. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Everything forbidden but the page's inline style and script, by their hashes. */
export const HTML_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A score's colour: green from 80, amber from 50, red below. */
function scoreColour(score: number): string {
  return score >= 80 ? '#1a7f37' : score >= 50 ? '#9a6700' : '#b42318';
}

/** A gauge: an arc around the score, coloured by how good it is. */
function gauge(score: number | null): string {
  const circumference = 2 * Math.PI * 42;
  const filled = score === null ? 0 : (score / 100) * circumference;
  const colour = score === null ? '#57606a' : scoreColour(score);
  return [
    `<svg width="120" height="120" viewBox="0 0 100 100" role="img" aria-label="Security score ${score ?? 'none'} of 100">`,
    '<circle cx="50" cy="50" r="42" fill="none" stroke="#d0d7de" stroke-width="10"/>',
    `<circle cx="50" cy="50" r="42" fill="none" stroke="${colour}" stroke-width="10" stroke-dasharray="${filled.toFixed(1)} ${circumference.toFixed(1)}" transform="rotate(-90 50 50)"/>`,
    `<text x="50" y="57" text-anchor="middle" font-size="22" font-weight="bold">${score ?? '–'}</text>`,
    '</svg>',
  ].join('');
}

/** The OWASP categories that cost points, as bars of their sub-scores. */
function categoryBars(run: RunScore): string {
  const categories = Object.entries(run.categories) as [OwaspCategory, CategoryScore][];
  if (categories.length === 0) return '<p class="muted">No OWASP category cost points.</p>';
  const rowHeight = 22;
  const bars = categories.map(([category, { score, findings }], index) => {
    const y = index * rowHeight;
    const label = `${category} ${OWASP_CATEGORY_NAMES[category]}`;
    return [
      `<text x="0" y="${y + 15}" font-size="12">${escapeHtml(label)}</text>`,
      `<rect x="330" y="${y + 4}" width="200" height="14" fill="#d0d7de"/>`,
      `<rect x="330" y="${y + 4}" width="${score * 2}" height="14" fill="${scoreColour(score)}"/>`,
      `<text x="540" y="${y + 15}" font-size="12">${score} (${findings} ${findings === 1 ? 'finding' : 'findings'})</text>`,
    ].join('');
  });
  return `<svg width="680" height="${categories.length * rowHeight}" role="img" aria-label="Score per OWASP category">${bars.join('')}</svg>`;
}

/** A rule's documentation URL when it is plain https (ours, or a ruleset's): the only links the page has. */
function docsUrl(rule: RuleMeta | undefined): string | undefined {
  return rule?.docsUrl && /^https:\/\/[^\s"'<>]+$/.test(rule.docsUrl) ? rule.docsUrl : undefined;
}

/** The findings the page's script renders: by file, then by rule (the most severe rules first), in finding order. */
interface PageData {
  files: string[];
  rules: { id: string; docs?: string; fix?: string; category?: OwaspCategory }[];
  /** The findings, and the suppressed and baselined ones when there are any. */
  sections: { findings: PageGroup[]; aside?: PageGroup[] };
}
interface PageGroup {
  /** Indexes into `files` and `rules`: a path or a fix hint is written once, not once per finding. */
  file: number;
  rule: number;
  findings: PageFinding[];
}
interface PageFinding {
  severity: Severity;
  line: number;
  column: number;
  message: string;
  pointer: string;
  frame?: string;
  reason?: string;
}

/** Document content is made printable here; the script shows it as text. */
function pageData(result: LintResult, rules: ReadonlyMap<string, RuleMeta>, sources: FormatContext['sources']): PageData {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const ruleList: PageData['rules'] = [];
  const ruleIndex = new Map<string, number>();
  const linesOf = new Map<string, string[] | undefined>();
  const index = <T>(map: Map<string, number>, list: T[], key: string, entry: () => T) => cached(map, key, () => list.push(entry()) - 1);
  const groupsOf = (findings: readonly Finding[]): PageGroup[] => {
    const byFile = new Map<string, Map<string, Finding[]>>();
    for (const finding of findings)
      cached(
        cached(byFile, finding.file, () => new Map<string, Finding[]>()),
        finding.ruleId,
        () => [],
      ).push(finding);
    return [...byFile].flatMap(([file, byRule]) => {
      const lines = cached(linesOf, file, () => (sources?.[file] === undefined ? undefined : sourceLines(sources[file])));
      return [...byRule]
        .map(([ruleId, list]) => ({ ruleId, list, worst: worstRank(list) }))
        .sort((a, b) => a.worst - b.worst || (a.ruleId < b.ruleId ? -1 : 1))
        .map(({ ruleId, list }) => ({
          file: index(fileIndex, files, file, () => printable(file)),
          rule: index(ruleIndex, ruleList, ruleId, () => {
            const rule = rules.get(ruleId);
            return { id: printable(ruleId), docs: docsUrl(rule), fix: rule?.fix && printable(rule.fix), category: rule?.owasp };
          }),
          findings: list.map((finding) => ({
            severity: finding.severity,
            line: finding.range.start.line,
            column: finding.range.start.column,
            message: printable(finding.message),
            pointer: printable(finding.pointer),
            frame: lines && codeFrame(lines, finding).join('\n'),
            reason: finding.suppression && printable(finding.suppression.reason),
          })),
        }));
    });
  };
  const findings = groupsOf(result.findings);
  const aside = groupsOf([...result.suppressed, ...result.baselined]);
  return { files, rules: ruleList, sections: aside.length === 0 ? { findings } : { findings, aside } };
}

/** The most severe rank among findings; a loop, as a rule may have more findings than a call takes arguments. */
function worstRank(findings: readonly Finding[]): number {
  return findings.reduce((worst, finding) => Math.min(worst, severityRank(finding.severity)), Infinity);
}

/**
 * JSON in a `<script type="application/json">` block: not run, so outside the policy, and with every `<` escaped so no
 * content can close the block or open a comment in it.
 */
function dataBlock(data: PageData): string {
  return `<script type="application/json" id="report-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

/** Rules past which their table starts folded, so the findings stay near the top. */
const RULES_SHOWN_OPEN = 12;

/** Counts per rule, each with a button that filters the findings to it. */
function ruleTable(result: LintResult, rules: ReadonlyMap<string, RuleMeta>): string {
  const counts = ruleCounts(result.findings);
  const rows = counts.map(({ ruleId, severity, count }) => {
    const rule = rules.get(ruleId);
    const url = docsUrl(rule);
    const name = url ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(ruleId)}</a>` : escapeHtml(ruleId);
    const category = rule?.owasp ? `${rule.owasp} ${OWASP_CATEGORY_NAMES[rule.owasp]}` : '';
    const show = `<button type="button" data-rule="${escapeHtml(ruleId)}">${count}</button>`;
    return `<tr><td>${name}</td><td class="${severity}">${severity}</td><td>${escapeHtml(category)}</td><td>${show}</td></tr>`;
  });
  return [
    `<details id="rules"${counts.length > RULES_SHOWN_OPEN ? '' : ' open'}><summary>Findings per rule (${counts.length} ${counts.length === 1 ? 'rule' : 'rules'})</summary>`,
    `<table><thead><tr><th>Rule</th><th>Severity</th><th>OWASP category</th><th>Findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</details>',
  ].join('');
}

function filters(result: LintResult, rules: ReadonlyMap<string, RuleMeta>): string {
  const counts = countBySeverity(result.findings);
  const boxes = SEVERITIES.map(
    (severity: Severity) =>
      `<label><input type="checkbox" name="severity" value="${severity}" checked> ${severity} (${counts[severity]})</label>`,
  );
  const ruleIds = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const categories = [
    ...new Set(result.findings.map((finding) => rules.get(finding.ruleId)?.owasp).filter(Boolean)),
  ].sort() as OwaspCategory[];
  const options = (values: string[], label: (value: string) => string) =>
    values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(label(value))}</option>`).join('');
  return [
    '<form id="filters" class="filters">',
    ...boxes,
    `<select name="rule" aria-label="Rule"><option value="">All rules</option>${options(ruleIds, (id) => id)}</select>`,
    `<select name="category" aria-label="OWASP category"><option value="">All categories</option>${options(categories, (c) => `${c} ${OWASP_CATEGORY_NAMES[c as OwaspCategory]}`)}</select>`,
    '<input type="search" name="search" placeholder="Search findings" aria-label="Search findings">',
    '<span id="findings-shown"></span>',
    '</form>',
  ].join('');
}

export const formatHtml: Formatter = (result, context) => {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const run = scoreOf(result);
  const data = pageData(result, rules, context.sources);
  const anything = data.sections.findings.length > 0 || data.sections.aside !== undefined;
  const body = [
    '<h1>oasguard report</h1>',
    `<div class="top">${gauge(run.score)}<div><p><strong>${escapeHtml(scoreSentence(run))}</strong></p><p>${escapeHtml(summarize(result))}</p></div></div>`,
    '<h2>OWASP API Security Top 10 2023</h2>',
    categoryBars(run),
    '<h2>Findings</h2>',
    ...(result.findings.length === 0 ? [] : [ruleTable(result, rules)]),
    ...(anything
      ? [
          filters(result, rules),
          "<noscript><p>The findings are listed by the page's script: allow it, or read the JSON report.</p></noscript>",
          '<div id="findings"></div>',
        ]
      : ['<p>No findings.</p>']),
    ...(data.sections.aside === undefined
      ? []
      : [
          '<h2>Suppressed and baselined</h2>',
          '<p class="muted">Not counted against the run or the score. <span id="aside-shown"></span></p>',
          '<div id="aside"></div>',
        ]),
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>oasguard report</title>',
    `<style>${STYLE}</style>`,
    '</head><body>',
    ...body,
    ...(anything ? [dataBlock(data), `<script>${SCRIPT}</script>`] : []),
    '</body></html>',
    '',
  ].join('\n');
};
