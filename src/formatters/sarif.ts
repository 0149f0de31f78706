import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../shared/meta';
import { severityRank } from '../shared/severity';
import { SEVERITIES } from '../shared/types';
import type { Finding, LintResult, Range, RuleMeta, Severity } from '../shared/types';
import { fingerprints } from './fingerprint';
import type { Formatter } from './types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF has three result levels; hints are notes too. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

/** GitHub code scanning ranks security results by this CVSS-like score: errors high, warnings medium, the rest low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warn: '5.0', info: '3.0', hint: '1.0' };

/** Files are reported relative to this base, which the consumer maps to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/** Versioned, so that a change of what the fingerprint hashes never matches old alerts by accident. */
const FINGERPRINT_KEY = 'oasguardFinding/v1';

/** GitHub reads the category as everything before the last `/` of the id, so a bare category gets one. */
function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

/** Plain-text help; a custom rule may have nothing but a description. */
function helpText(rule: RuleMeta): string {
  const guidelines = rule.sources.length > 0 && `Guidelines: ${rule.sources.join('; ')}`;
  return [rule.description, rule.rationale, rule.fix && `Fix: ${rule.fix}`, guidelines].filter(Boolean).join('\n\n');
}

function helpMarkdown(rule: RuleMeta): string {
  const guidelines = rule.sources.length > 0 && `**Guidelines:**\n${rule.sources.map((source) => `- ${source}`).join('\n')}`;
  const documentation = rule.docsUrl && `[Documentation](${rule.docsUrl})`;
  return [rule.description, rule.rationale, rule.fix && `**Fix:** ${rule.fix}`, guidelines, documentation].filter(Boolean).join('\n\n');
}

function descriptor(rule: RuleMeta): ReportingDescriptor {
  // Only oasguard's own checks are security findings; a user's style rule must not raise a security alert.
  const security = rule.kind !== 'custom';
  const tags = [
    ...(security ? ['security'] : []),
    ...(rule.owasp ? [`OWASP-${rule.owasp}`] : []),
    ...rule.cwe.map((cwe) => `external/cwe/cwe-${cwe}`),
  ];
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: [rule.description, rule.rationale].filter(Boolean).join(' ') },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags, precision: rule.precision, ...(security ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}) },
  };
}

/** A file's location: repo-relative and percent-encoded under the source root, or an absolute file URI outside it. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('../') || isAbsolute(file)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A place in a file, by line and column and by JSON pointer. */
function location(file: string, { range, pointer }: { range: Range; pointer: string }, cwd: string): Location {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file, cwd),
      region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
    },
    logicalLocations: [{ fullyQualifiedName: pointer, kind: 'member' }],
  };
}

/** The related locations a result lists at most (its message gives the full count; JSON lists them all). */
export const SARIF_MAX_RELATED = 100;

/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

/** Results in the order the cap keeps them: findings that count, then baselined ones, then suppressed ones. */
const GROUPS = ['findings', 'baselined', 'suppressed'] as const;

/** How many results a SARIF log of `result` would hold before the cap: every finding of every group. */
export function sarifResultCount(result: LintResult): number {
  return GROUPS.reduce((total, group) => total + result[group].length, 0);
}

/** One finding of the run with the group it belongs to. */
interface Entry {
  finding: Finding;
  group: (typeof GROUPS)[number];
}

/** The indices of the entries a SARIF run keeps: all of them, or the first {@link SARIF_MAX_RESULTS} by group and severity. */
function keptIndices(entries: readonly Entry[]): Set<number> {
  const indices = entries.map((_entry, index) => index);
  if (entries.length <= SARIF_MAX_RESULTS) return new Set(indices);
  // By index, not by object: a result may hold one finding object twice. Array.prototype.sort is stable, so
  // within a group and severity report order decides.
  const rank = (index: number) => GROUPS.indexOf(entries[index].group) * SEVERITIES.length + severityRank(entries[index].finding.severity);
  indices.sort((a, b) => rank(a) - rank(b));
  return new Set(indices.slice(0, SARIF_MAX_RESULTS));
}

function toResult({ finding }: Entry, fingerprint: string, ruleIndex: Map<string, number>, cwd: string): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.file, finding, cwd)],
    ...(finding.related
      ? {
          relatedLocations: finding.related
            .slice(0, SARIF_MAX_RELATED)
            .map((related, index) => ({ id: index, ...location(related.file, related, cwd), message: { text: related.message } })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.suppression
      ? {
          suppressions: [
            {
              kind: finding.suppression.kind,
              justification: finding.suppression.reason,
              location: { logicalLocations: [{ fullyQualifiedName: finding.suppression.pointer, kind: 'member' }] },
            },
          ],
        }
      : {}),
  };
}

/** Files that could not be linted, and results left out, as the run's tool notifications. */
function notifications(result: LintResult, omitted: number, ruleIndex: Map<string, number>, cwd: string): Notification[] {
  const unlinted: Notification[] = result.unlinted.map(({ file, reason, message }) => ({
    level: 'error',
    message: { text: `${file} was not linted: ${message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, cwd) } }],
    associatedRule: { id: reason, index: ruleIndex.get(reason) },
  }));
  const skipped: Notification[] = result.skipped.map(({ file, reason }) => ({
    level: 'warning',
    message: { text: `${file} was skipped unread: ${reason}.` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, cwd) } }],
  }));
  if (omitted === 0) return [...unlinted, ...skipped];
  const text =
    `${omitted} of ${sarifResultCount(result)} results were left out: GitHub code scanning accepts at most ` +
    `${SARIF_MAX_RESULTS} per run, so the most severe new findings were kept first.`;
  return [...unlinted, ...skipped, { level: 'warning', message: { text } }];
}

/**
 * SARIF 2.1.0 log as GitHub code scanning reads it: one run describing every active rule, one result per finding
 * (at most {@link SARIF_MAX_RESULTS}, most severe first) with a line-independent fingerprint, and files that could
 * not be linted as tool execution notifications too.
 */
export const formatSarif: Formatter = (result, context) => {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const entries: Entry[] = GROUPS.flatMap((group) => result[group].map((finding) => ({ finding, group })));
  const kept = keptIndices(entries);
  const results: Result[] = [];
  // Over all groups: a finding keeps its fingerprint when it is suppressed or baselined, so its alert is matched.
  fingerprints(entries.map((entry) => entry.finding)).forEach((fingerprint, index) => {
    if (!kept.has(index)) return;
    const sarifResult = toResult(entries[index], fingerprint, ruleIndex, context.cwd);
    if (result.baseline && entries[index].group !== 'suppressed')
      sarifResult.baselineState = entries[index].group === 'baselined' ? 'unchanged' : 'new';
    results.push(sarifResult);
  });
  const run: Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: TOOL_VERSION,
        semanticVersion: TOOL_VERSION,
        informationUri: INFORMATION_URI,
        rules: result.rules.map(descriptor),
      },
    },
    ...(context.sarifCategory === undefined ? {} : { automationDetails: { id: automationId(context.sarifCategory) } }),
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: notifications(result, entries.length - kept.size, ruleIndex, context.cwd),
      },
    ],
    originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(`${resolve(context.cwd)}/`).href } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
};
