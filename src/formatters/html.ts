/**
 * A self-contained HTML report (`-f html:report.html`) for the people who read rather than gate: the security score
 * with a gauge, its OWASP categories as bars, counts per severity and per rule, then the findings grouped by file and
 * rule with their fix hints and code frames, filtered by severity, rule and category and searched in the page.
 *
 * Safe to open from a CI artifact or an e-mail: nothing is loaded (styles and script inline, no fonts, images or
 * URLs fetched), a Content-Security-Policy allows that one style and that one script by hash and nothing else, and
 * every piece of document content is escaped, control characters made visible first.
 */
import { createHash } from 'node:crypto';
import { cached } from '../shared/cached';
import { severityRank } from '../shared/severity';
import { SEVERITIES } from '../shared/types';
import type { Finding, LintResult, OwaspCategory, RuleMeta, Severity } from '../shared/types';
import { printable } from './printable';
import { CategoryScore, OWASP_CATEGORY_NAMES, RunScore, scoreOf, scoreSentence } from './score';
import { countBySeverity, summarize } from './summary';
import { codeFrame } from './text';
import type { Formatter } from './types';

/** Document content as HTML text or attribute value: visible control characters, then entities for markup. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1f2328}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.top{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
.error{color:#b42318}.warn{color:#9a6700}.info{color:#0969da}.hint{color:#57606a}
details{margin:.25rem 0}summary{cursor:pointer}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;margin:.25rem 0}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;background:#f6f8fa;padding:.5rem;position:sticky;top:0}
.muted{color:#57606a}
`;

/** Hides the findings the filters leave out, and the rule and file groups left empty. */
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const rows = [...document.querySelectorAll('tr[data-severity]')];
  const shown = document.getElementById('shown');
  const apply = () => {
    const severities = new Set([...form.querySelectorAll('input[name=severity]:checked')].map((box) => box.value));
    const rule = form.elements.rule.value;
    const category = form.elements.category.value;
    const words = form.elements.search.value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const visible = severities.has(row.dataset.severity) && (!rule || row.dataset.rule === rule) &&
        (!category || row.dataset.category === category) && (!words || row.textContent.toLowerCase().includes(words));
      row.hidden = !visible;
      if (visible) count += 1;
    }
    for (const group of document.querySelectorAll('[data-group]')) group.hidden = !group.querySelector('tr[data-severity]:not([hidden])');
    shown.textContent = String(count);
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Everything forbidden but the inline style and script above, by their hashes. */
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

function link(rule: RuleMeta | undefined, text: string): string {
  // Only a documentation URL of ours or a ruleset's that is plain https becomes a link.
  return rule?.docsUrl && /^https:\/\/[^\s"'<>]+$/.test(rule.docsUrl)
    ? `<a href="${escapeHtml(rule.docsUrl)}" rel="noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

function findingRow(finding: Finding, rule: RuleMeta | undefined, source: string | undefined): string {
  const where = `${finding.range.start.line}:${finding.range.start.column}`;
  const frame = source === undefined ? '' : `<pre>${escapeHtml(codeFrame(source, finding).join('\n'))}</pre>`;
  const fix = rule?.fix ? `<div class="muted">Fix: ${escapeHtml(rule.fix)}</div>` : '';
  const reason = finding.suppression ? `<div class="muted">Suppressed: ${escapeHtml(finding.suppression.reason)}</div>` : '';
  return [
    `<tr data-severity="${finding.severity}" data-rule="${escapeHtml(finding.ruleId)}" data-category="${rule?.owasp ?? ''}">`,
    `<td class="${finding.severity}">${finding.severity}</td><td>${escapeHtml(where)}</td>`,
    `<td>${escapeHtml(finding.message)}${fix}${reason}${frame}<div class="muted">${escapeHtml(finding.pointer || '(document)')}</div></td>`,
    '</tr>',
  ].join('');
}

/** Findings by file, then by rule (the most severe rules first), each rule a folded table. */
function findingGroups(
  findings: readonly Finding[],
  rules: ReadonlyMap<string, RuleMeta>,
  sources: Readonly<Record<string, string>> | undefined,
): string {
  const byFile = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings)
    cached(
      cached(byFile, finding.file, () => new Map<string, Finding[]>()),
      finding.ruleId,
      () => [],
    ).push(finding);
  const worst = (list: Finding[]) => Math.min(...list.map((finding) => severityRank(finding.severity)));
  return [...byFile]
    .map(([file, byRule]) => {
      const groups = [...byRule]
        .sort(([a, x], [b, y]) => worst(x) - worst(y) || (a < b ? -1 : 1))
        .map(([ruleId, list]) => {
          const rule = rules.get(ruleId);
          const rows = list.map((finding) => findingRow(finding, rule, sources?.[finding.file])).join('');
          return `<details data-group open><summary>${link(rule, ruleId)} <span class="muted">(${list.length})</span></summary><table><tbody>${rows}</tbody></table></details>`;
        });
      return `<section data-group><h3>${escapeHtml(file)}</h3>${groups.join('')}</section>`;
    })
    .join('');
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
    `<span><span id="shown">${result.findings.length}</span> shown</span>`,
    '</form>',
  ].join('');
}

export const formatHtml: Formatter = (result, context) => {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const run = scoreOf(result);
  const aside = [...result.suppressed, ...result.baselined];
  const body = [
    '<h1>oasguard report</h1>',
    `<div class="top">${gauge(run.score)}<div><p><strong>${escapeHtml(scoreSentence(run))}</strong></p><p>${escapeHtml(summarize(result))}</p></div></div>`,
    '<h2>OWASP API Security Top 10 2023</h2>',
    categoryBars(run),
    '<h2>Findings</h2>',
    result.findings.length === 0 ? '<p>No findings.</p>' : filters(result, rules) + findingGroups(result.findings, rules, context.sources),
    ...(aside.length === 0
      ? []
      : [
          '<h2>Suppressed and baselined</h2>',
          '<p class="muted">Not counted against the run or the score.</p>',
          findingGroups(aside, rules, context.sources),
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
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
};
